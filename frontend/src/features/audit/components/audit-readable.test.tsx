import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { TEAM_GOV, TEAM_NORTH, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'
import type { AuditEntry } from '../api/audit'

function anEntry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: 'a1', at: '2026-11-20T10:00:00Z', actor_id: 'u-am', actor_email: 'am@summit.example', actor_name: 'Wang Fang',
    action: 'team.updated', subject_type: 'team', subject_id: TEAM_NORTH, subject_name: 'North China', ip: '127.0.0.1', details: {},
    ...overrides,
  }
}

const entries = [
  anEntry({ id: 'a1', details: { name: { from: 'North', to: 'North China' }, parent_id: { from: '', to: TEAM_GOV } } }),
  anEntry({ id: 'a2', action: 'user.created', subject_type: 'user', subject_name: 'Zhou Min', details: { email: 'zhou@summit.example', role: 'member' } }),
  anEntry({
    id: 'a3', action: 'target.updated', subject_type: 'target', subject_name: null,
    details: { before: { period: '2026-Q1', team_id: TEAM_NORTH, amount_minor: 100_000, currency: 'CNY' }, after: { period: '2026-Q1', team_id: TEAM_NORTH, amount_minor: 250_000, currency: 'CNY' } },
  }),
  anEntry({ id: 'a4', action: 'auth.login_failed', actor_id: null, actor_email: null, actor_name: null, subject_type: 'user', subject_name: null, details: { email: 'nobody@x.example' } }),
]

function show(locale: 'en' | 'zh-CN') {
  return mockApi({
    'GET /me': { ...adminSession, user: { ...adminSession.user, locale } },
    'GET /users': usersPage,
    'GET /teams': teamsPage,
    'GET /audit': { items: entries, next_cursor: null },
  })
}

describe('audit log, readable', () => {
  it.each([
    ['en', ['Wang Fang', 'Team: North China', 'Name: North → North China', 'Parent team: — → Government Business', 'Role: Member',
      'Amount: CN¥1,000.00 → CN¥2,500.00', 'System', 'Email: nobody@x.example']],
    ['zh-CN', ['Wang Fang', '团队: North China', '名称: North → North China', '上级团队: — → Government Business', '角色: 成员',
      '金额: ¥1,000.00 → ¥2,500.00', '系统', '邮箱: nobody@x.example']],
  ] as const)('names people and things and words the details in %s', { timeout: 60_000 }, async (locale, lines) => {
    show(locale)
    renderApp('/admin/audit')
    const table = await screen.findByRole('table', {}, { timeout: 30_000 })
    for (const line of lines) expect((await within(table).findAllByText(line)).length, line).toBeGreaterThan(0)
    expect(within(table).queryByText(/[{}]/)).not.toBeInTheDocument()
    expect(within(table).queryByText(/afcd|u-am/)).not.toBeInTheDocument()
  })

  it('filters by actor, subject and days through the URL, each sent to the server', { timeout: 60_000 }, async () => {
    const fetchMock = show('en')
    const { router } = renderApp('/admin/audit')
    await screen.findByRole('table')

    await userEvent.click(screen.getByRole('combobox', { name: 'Who' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Wang Fang' }))
    await userEvent.click(screen.getByRole('combobox', { name: 'About' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Team' }))
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } })

    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      actor_id: 'u-am', subject_type: 'team', from: '2026-11-01', to: '2026-11-30',
    })
    const last = requestsTo(fetchMock, 'GET /audit').at(-1)!.query
    expect([last.get('actor_id'), last.get('subject_type'), last.get('from'), last.get('to')]).toEqual(['u-am', 'team', '2026-11-01', '2026-11-30'])

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.state.location.search).toBe('')
  })
})
