import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Session } from '../../../lib/session'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import type { FxRate } from '../api/fx-rates'
import { parseRate } from './fx-rate-form-modal'

const admin: Session = { ...adminSession, permissions: [...adminSession.permissions, 'fx_rates:write', 'targets:write'] }

function rate(id: string, period: string, currency: string, value: number, version = 1): FxRate {
  return { id, period, currency, rate: value, version }
}

const rates = [rate('r-usd', '2026-Q4', 'USD', 7.1, 3), rate('r-eur', '2026-Q4', 'EUR', 7.7)]

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /me': admin,
    'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
    'GET /settings': { reporting_currency: 'CNY', fiscal_year_start_month: 1, version: 1 },
    'GET /fx-rates': { items: rates, next_cursor: null },
    ...extra,
  }
}

describe('Admin → FX rates', () => {
  it('lists the rates as units of the reporting currency per unit of the currency', async () => {
    mockApi(routes())
    renderApp('/admin/fx-rates')

    const table = await screen.findByRole('table', { name: 'FX rates' })
    expect(within(table).getByText('1 USD = 7.1 CNY')).toBeInTheDocument()
    expect(within(table).getByText('1 EUR = 7.7 CNY')).toBeInTheDocument()
    expect(screen.getByText('Reporting currency: CNY')).toBeInTheDocument()
    expect(screen.getByText(/number of units of CNY per unit of the currency/)).toBeInTheDocument()
  })

  it('filters by period and currency from the URL and pages with next_cursor', async () => {
    const fetchMock = mockApi(
      routes({
        'GET /fx-rates': (r: MockRequest) =>
          jsonResponse(200, r.query.get('cursor') === 'p2' ? { items: [rates[1]], next_cursor: null } : { items: [rates[0]], next_cursor: 'p2' }),
      }),
    )
    renderApp('/admin/fx-rates?period=2026-Q4&currency=USD')

    await screen.findByText('1 USD = 7.1 CNY')
    const [first] = requestsTo(fetchMock, 'GET /fx-rates')
    expect(first?.query.get('period')).toBe('2026-Q4')
    expect(first?.query.get('currency')).toBe('USD')
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await screen.findByText('1 EUR = 7.7 CNY')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /fx-rates').at(-1)?.query.get('cursor')).toBe('p2')
  })

  it('adds a rate with POST', async () => {
    const fetchMock = mockApi(routes({ 'POST /fx-rates': (r: MockRequest) => jsonResponse(201, { id: 'r-new', version: 1, ...(r.body as object) }) }))
    renderApp('/admin/fx-rates?period=2026-Q4')

    await screen.findByRole('table', { name: 'FX rates' })
    await userEvent.click(screen.getByRole('button', { name: 'New rate' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New FX rate' }))
    await userEvent.click(dialog.getByRole('combobox', { name: 'Currency' }))
    await userEvent.click(await screen.findByRole('option', { name: 'HKD' }))
    await userEvent.type(dialog.getByRole('textbox', { name: 'Rate' }), '0.91')
    expect(dialog.getByText('Units of CNY per unit of HKD')).toBeInTheDocument()
    const lists = requestsTo(fetchMock, 'GET /fx-rates').length
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'POST /fx-rates').map((r) => r.body)).toEqual([{ period: '2026-Q4', currency: 'HKD', rate: 0.91 }])
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /fx-rates').length).toBeGreaterThan(lists))
  })

  it('edits a rate with PATCH of what changed and If-Match; a 422 shows the field’s message', async () => {
    let calls = 0
    const fetchMock = mockApi(
      routes({
        'PATCH /fx-rates/r-usd': (r: MockRequest) =>
          ++calls === 1
            ? jsonResponse(422, { error: { code: 'validation_failed', message: 'Check the highlighted fields.', fields: { rate: 'must be a decimal number above 0' } } })
            : jsonResponse(200, { ...rates[0], ...(r.body as object), version: 4 }),
      }),
    )
    renderApp('/admin/fx-rates')

    await screen.findByRole('table', { name: 'FX rates' })
    await userEvent.click(screen.getByRole('button', { name: 'Edit rate of USD for FY2026 Q4' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'FX rate of USD for FY2026 Q4' }))
    const input = dialog.getByRole('textbox', { name: 'Rate' })
    expect(input).toHaveValue('7.1')
    await userEvent.clear(input)
    await userEvent.type(input, '7.25')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))
    expect(await dialog.findByText('must be a decimal number above 0')).toBeInTheDocument()

    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const patches = requestsTo(fetchMock, 'PATCH /fx-rates/r-usd')
    expect(patches.map((r) => r.body)).toEqual([{ rate: 7.25 }, { rate: 7.25 }])
    expect(patches.every((r) => r.headers.get('If-Match') === '"3"')).toBe(true)
  })

  it('deletes a rate with DELETE and If-Match', async () => {
    const fetchMock = mockApi(routes({ 'DELETE /fx-rates/r-eur': () => new Response(null, { status: 204 }) }))
    renderApp('/admin/fx-rates')

    await screen.findByRole('table', { name: 'FX rates' })
    await userEvent.click(screen.getByRole('button', { name: 'Delete rate of EUR for FY2026 Q4' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete the FX rate?' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Delete rate' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'DELETE /fx-rates/r-eur')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'DELETE /fx-rates/r-eur')[0]?.headers.get('If-Match')).toBe('"1"')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('refuses the page without fx_rates:write', async () => {
    mockApi(routes({ 'GET /me': { ...adminSession, permissions: ['targets:write'] } }))
    renderApp('/admin/fx-rates')
    expect(await screen.findByText('You don’t have access to administration.')).toBeInTheDocument()
  })
})

describe('parseRate', () => {
  it.each([
    ['7.1', 7.1],
    ['0.0000000001', 0.0000000001],
    ['1000000', 1000000],
    ['0', null],
    ['1000000.1', null],
    ['1.12345678901', null],
    ['-2', null],
    ['abc', null],
  ])('%s → %s', (text, expected) => expect(parseRate(text)).toBe(expected))
})
