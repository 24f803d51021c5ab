import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { monthsFrom } from '../../../lib/periods'
import type { Session } from '../../../lib/session'
import { aUser, adminSession, memberSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { Target, TargetTree } from '../api/targets'

const executiveSession: Session = {
  user: aUser({ id: 'u-exec', name: 'Eve Executive', role: 'executive' }),
  csrf_token: 'csrf-exec',
  permissions: ['users:read', 'teams:read', 'targets:read', 'targets:write', 'settings:read', 'fx_rates:read'],
}

// The company (target 1,000,000.00 CNY) over EMEA (600,000.00) and APAC (none); EMEA over France (250,000.00).
const tree: TargetTree = {
  period: '2026-Q4',
  currency: 'CNY',
  nodes: [
    { team_id: null, name: 'Company', parent_id: null, target_minor: 100_000_000, bottom_up_minor: 60_000_000, gap_minor: 40_000_000 },
    { team_id: 'apac', name: 'APAC', parent_id: null, target_minor: null, bottom_up_minor: 0, gap_minor: null },
    { team_id: 'emea', name: 'EMEA', parent_id: null, target_minor: 60_000_000, bottom_up_minor: 25_000_000, gap_minor: 35_000_000 },
    { team_id: 'fr', name: 'France', parent_id: 'emea', target_minor: 25_000_000, bottom_up_minor: 0, gap_minor: null },
  ],
}

function target(id: string, team_id: string | null, amount_minor: number, version = 2): Target {
  return { id, period: '2026-Q4', team_id, amount_minor, currency: 'CNY', version }
}

const targets = [target('t-co', null, 100_000_000), target('t-emea', 'emea', 60_000_000, 5), target('t-fr', 'fr', 25_000_000)]

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /me': executiveSession,
    'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
    'GET /targets/tree': tree,
    'GET /targets': { items: targets, next_cursor: null },
    ...extra,
  }
}

function row(key: string) {
  return within(screen.getByTestId(`target-row-${key}`))
}

function cells(key: string): string[] {
  return within(screen.getByTestId(`target-row-${key}`)).getAllByRole('cell').slice(0, 4).map((cell) => cell.textContent ?? '')
}

describe('Admin → Targets', () => {
  it('shows each node’s top-down target, its child teams’ bottom-up sum and the gap, highlighted when not zero', async () => {
    mockApi(routes())
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    expect(cells('company')).toEqual(['Company', 'CN¥1,000,000.00', 'CN¥600,000.00', '+CN¥400,000.00'])
    expect(cells('apac')).toEqual(['APAC', 'Not set', '—', '—'])
    expect(cells('emea')).toEqual(['EMEA', 'CN¥600,000.00', 'CN¥250,000.00', '+CN¥350,000.00'])
    expect(cells('fr')).toEqual(['France', 'CN¥250,000.00', '—', '—'])
    expect(screen.getByTestId('target-row-emea').querySelector('[data-gap="non-zero"]')).not.toBeNull()
    expect(screen.getByText('Amounts in CNY, the reporting currency.')).toBeInTheDocument()
  })

  it('keeps the period in the URL and asks the tree and the targets for it', async () => {
    const fetchMock = mockApi(
      routes({ 'GET /targets/tree': (r: MockRequest) => jsonResponse(200, { ...tree, period: r.query.get('period') ?? '2026-Q4' }) }),
    )
    const { router } = renderApp('/admin/targets')

    // Without a period the server's current quarter is shown and its targets are listed.
    await screen.findByRole('table', { name: 'Targets by team' })
    expect(requestsTo(fetchMock, 'GET /targets/tree')[0]?.query.get('period')).toBeNull()
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /targets')[0]?.query.get('period')).toBe('2026-Q4'))

    const lastMonth = monthsFrom(new Date(), 6)[5]!
    await userEvent.click(screen.getByRole('combobox', { name: 'Period' }))
    const options = screen.getAllByRole('option')
    await userEvent.click(options[options.length - 1]!)

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('period')).toBe(lastMonth))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /targets/tree').some((r) => r.query.get('period') === lastMonth)).toBe(true))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /targets').some((r) => r.query.get('period') === lastMonth)).toBe(true))
  })

  it('sets a missing target with POST and refreshes the tree', async () => {
    const fetchMock = mockApi(
      routes({ 'POST /targets': (request: MockRequest) => jsonResponse(201, { ...target('t-apac', 'apac', 0, 1), ...(request.body as object) }) }),
    )
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    await userEvent.click(row('apac').getByRole('button', { name: 'Set target for APAC' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Target of APAC for FY2026 Q4' }))
    await userEvent.type(dialog.getByRole('textbox', { name: 'Amount (CNY)' }), '300000.5')
    const treeCalls = requestsTo(fetchMock, 'GET /targets/tree').length
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'POST /targets').map((r) => r.body)).toEqual([{ period: '2026-Q4', team_id: 'apac', amount_minor: 30_000_050 }])
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /targets/tree').length).toBeGreaterThan(treeCalls))
  })

  it('changes an existing target with PATCH and If-Match of its version', async () => {
    const fetchMock = mockApi(routes({ 'PATCH /targets/t-emea': (r: MockRequest) => jsonResponse(200, { ...targets[1], ...(r.body as object), version: 6 }) }))
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    await userEvent.click(row('emea').getByRole('button', { name: 'Change target of EMEA' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Target of EMEA for FY2026 Q4' }))
    const amount = dialog.getByRole('textbox', { name: 'Amount (CNY)' })
    expect(amount).toHaveValue('600000')
    await userEvent.clear(amount)
    await userEvent.type(amount, '650000')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [patch] = requestsTo(fetchMock, 'PATCH /targets/t-emea')
    expect(patch?.body).toEqual({ amount_minor: 65_000_000 })
    expect(patch?.headers.get('If-Match')).toBe('"5"')
  })

  it('keeps the typed amount and says someone else changed it on a 412', async () => {
    mockApi(
      routes({
        'PATCH /targets/t-emea': () => jsonResponse(412, { error: { code: 'version_mismatch', message: 'Changed meanwhile.' } }),
      }),
    )
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    await userEvent.click(row('emea').getByRole('button', { name: 'Change target of EMEA' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Target of EMEA for FY2026 Q4' }))
    const amount = dialog.getByRole('textbox', { name: 'Amount (CNY)' })
    await userEvent.clear(amount)
    await userEvent.type(amount, '700000')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByText('Someone else changed this — reload to see their change.')).toBeInTheDocument()
    expect(dialog.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(amount).toHaveValue('700000')
  })

  it('after a 412 and Reload, saves the kept amount on the current version', async () => {
    let reloaded = false
    const fetchMock = mockApi(
      routes({
        'GET /targets': () =>
          jsonResponse(200, { items: reloaded ? [targets[0], target('t-emea', 'emea', 61_000_000, 7), targets[2]] : targets, next_cursor: null }),
        'PATCH /targets/t-emea': (r: MockRequest) =>
          r.headers.get('If-Match') === '"7"'
            ? jsonResponse(200, { ...targets[1], ...(r.body as object), version: 8 })
            : jsonResponse(412, { error: { code: 'version_mismatch', message: 'Changed meanwhile.' } }),
      }),
    )
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    await userEvent.click(await row('emea').findByRole('button', { name: 'Change target of EMEA' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Target of EMEA for FY2026 Q4' }))
    const amount = dialog.getByRole('textbox', { name: 'Amount (CNY)' })
    await userEvent.clear(amount)
    await userEvent.type(amount, '700000')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))
    reloaded = true
    await userEvent.click(await dialog.findByRole('button', { name: 'Reload' }))
    // Once the current version is in, the warning goes and the typed amount stays.
    await waitFor(() => expect(dialog.queryByRole('alert')).not.toBeInTheDocument())
    expect(amount).toHaveValue('700000')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const patches = requestsTo(fetchMock, 'PATCH /targets/t-emea')
    expect(patches.map((r) => r.headers.get('If-Match'))).toEqual(['"5"', '"7"'])
    expect(patches[1]?.body).toEqual({ amount_minor: 70_000_000 })
  })

  it('shows the server’s 422 message for the amount', async () => {
    mockApi(
      routes({
        'POST /targets': () =>
          jsonResponse(422, { error: { code: 'validation_failed', message: 'Check the highlighted fields.', fields: { amount_minor: 'must be at most 999999999999999' } } }),
      }),
    )
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    await userEvent.click(row('apac').getByRole('button', { name: 'Set target for APAC' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Target of APAC for FY2026 Q4' }))
    await userEvent.type(dialog.getByRole('textbox', { name: 'Amount (CNY)' }), '5')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByText('must be at most 999999999999999')).toBeInTheDocument()
    expect(dialog.getByText('Check the highlighted fields.')).toBeInTheDocument()
  })

  it('clears a target with DELETE and If-Match', async () => {
    const fetchMock = mockApi(routes({ 'DELETE /targets/t-fr': () => new Response(null, { status: 204 }) }))
    renderApp('/admin/targets?period=2026-Q4')

    await screen.findByRole('table', { name: 'Targets by team' })
    expect(row('apac').queryByRole('button', { name: /Clear target/ })).not.toBeInTheDocument()
    await userEvent.click(await row('fr').findByRole('button', { name: 'Clear target of France' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Clear the target?' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Clear target' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'DELETE /targets/t-fr')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'DELETE /targets/t-fr')[0]?.headers.get('If-Match')).toBe('"2"')
  })
})

describe('Admin → Targets in Chinese', () => {
  it('labels the columns, the period and the amounts in Chinese', async () => {
    mockApi(routes({ 'GET /me': { ...executiveSession, user: aUser({ id: 'u-exec', role: 'executive', locale: 'zh-CN' }) } }))
    renderApp('/admin/targets?period=2026-Q4')

    const table = await screen.findByRole('table', { name: '各团队目标' })
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['公司或团队', '自上而下', '自下而上', '差额', '操作'])
    expect(cells('apac')[1]).toBe('未设置')
    expect(cells('company')[1]).toBe('¥1,000,000.00')
    expect(screen.getByRole('tab', { name: '收入目标' })).toBeInTheDocument()
    expect(await row('emea').findByRole('button', { name: '修改 EMEA 的目标' })).toBeInTheDocument()
  })
})

describe('Admin sections by permission', () => {
  const tabs = async () => (await screen.findByRole('tablist', { name: 'Administration sections' })).textContent

  it('shows Targets to executives but not FX rates or Settings', async () => {
    mockApi(routes())
    renderApp('/admin/targets?period=2026-Q4')
    const names = await tabs()
    expect(names).toContain('Targets')
    expect(names).not.toContain('FX rates')
    expect(names).not.toContain('Settings')
  })

  it('shows Targets, FX rates and Settings to admins', async () => {
    mockApi(routes({ 'GET /me': { ...adminSession, permissions: [...adminSession.permissions, 'targets:write', 'fx_rates:write'] }, 'GET /teams': { items: [], next_cursor: null }, 'GET /users': { items: [], next_cursor: null } }))
    renderApp('/admin/targets?period=2026-Q4')
    const names = await tabs()
    expect(names).toContain('Targets')
    expect(names).toContain('FX rates')
    expect(names).toContain('Settings')
  })

  it('refuses the Targets page without targets:write', async () => {
    mockApi(routes({ 'GET /me': memberSession }))
    renderApp('/admin/targets')
    expect(await screen.findByText('You don’t have access to administration.')).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Targets by team' })).not.toBeInTheDocument()
  })
})
