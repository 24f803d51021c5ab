import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'

const entry = {
  id: 'a1',
  at: '2026-03-01T10:00:00Z',
  actor_id: 'u-admin',
  actor_email: 'admin@summit.example',
  action: 'team.members_set',
  subject_type: 'team',
  subject_id: 'b5e0c0de-0000-4000-8000-000000000000',
  ip: '127.0.0.1',
  details: { added: 2 },
}

describe('audit page', () => {
  it('lists entries with translated actions and filters by action through the URL', { timeout: 60_000 }, async () => {
    const fetchMock = mockApi({ 'GET /me': adminSession, 'GET /audit': { items: [entry], next_cursor: null } })
    const { router } = renderApp('/admin/audit')

    expect(await screen.findByRole('cell', { name: 'Team members set' }, { timeout: 30_000 })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: 'admin@summit.example' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('combobox', { name: 'Action' }))
    await userEvent.click(screen.getByRole('option', { name: 'Sign-in failed' }))

    expect(router.state.location.search).toBe('?action=auth.login_failed')
    expect(requestsTo(fetchMock, 'GET /audit').at(-1)?.query.get('action')).toBe('auth.login_failed')
  })
})
