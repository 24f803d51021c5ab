import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const base = { 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 } }
const listed = (overrides: Parameters<typeof aDeal>[0]) => aDeal({ permissions: undefined, slippage: undefined, confidence_period: '2026-Q4', ...overrides })
const page = {
  items: [
    listed({ id: 'd-1', name: 'City data platform', confidence: 0.634, p_win: 0.7, p_in_period: 0.9 }),
    listed({ id: 'd-2', name: 'Smart port', confidence: null, p_win: null, p_in_period: null }),
  ],
  next_cursor: null,
}

function lastDealsQuery(fetchMock: ReturnType<typeof mockApi>) {
  return Object.fromEntries(requestsTo(fetchMock, 'GET /deals').at(-1)!.query)
}

describe('deals list confidence', () => {
  it('shows each deal’s confidence for the period the server names, and a dash where none is kept', async () => {
    mockApi({ ...base, 'GET /deals': page })
    renderApp('/deals')

    const table = within(await screen.findByRole('table', { name: 'Deals' }))
    expect(table.getByRole('columnheader', { name: /Confidence FY2026 Q4/ })).toBeInTheDocument()
    const [, first, second] = table.getAllByRole('row')
    expect(within(first!).getByText('63%')).toBeInTheDocument()
    expect(within(second!).getByTitle('No figure for this period')).toHaveTextContent('—')
  })

  it('sorts by confidence, ascending then descending, through the URL', { timeout: 45_000 }, async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page })
    const { router } = renderApp('/deals?period=2027-Q1')
    await screen.findByRole('link', { name: 'City data platform' })
    expect(screen.getByRole('columnheader', { name: /Confidence FY2027 Q1/ })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: /^Confidence/ }))
    await waitFor(() => expect(router.state.location.search).toBe('?period=2027-Q1&sort=confidence'))
    await userEvent.click(screen.getByRole('button', { name: /^Confidence/ }))

    await waitFor(() => expect(router.state.location.search).toBe('?period=2027-Q1&sort=-confidence'))
    await waitFor(() => expect(lastDealsQuery(fetchMock)).toMatchObject({ period: '2027-Q1', sort: '-confidence' }))
    expect(screen.getByRole('columnheader', { name: /Confidence/ })).toHaveAttribute('aria-sort', 'descending')
  })

  it('filters by minimum and maximum confidence, kept in the URL in percent', { timeout: 45_000 }, async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page })
    const { router } = renderApp('/deals')
    await screen.findByRole('link', { name: 'City data platform' })

    await userEvent.type(screen.getByRole('textbox', { name: 'Min. confidence %' }), '40{Enter}')
    await userEvent.type(screen.getByRole('textbox', { name: 'Max. confidence %' }), '85')
    await userEvent.tab()

    await waitFor(() => expect(router.state.location.search).toBe('?min_confidence=40&max_confidence=85'))
    await waitFor(() => expect(lastDealsQuery(fetchMock)).toMatchObject({ confidence_min: '0.4', confidence_max: '0.85' }))
  })

  it('reads the confidence bounds of a shared link', async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page })
    renderApp('/deals?min_confidence=25&max_confidence=300')

    await screen.findByRole('link', { name: 'City data platform' })
    expect(lastDealsQuery(fetchMock)).toMatchObject({ confidence_min: '0.25' })
    expect(lastDealsQuery(fetchMock)).not.toHaveProperty('confidence_max')
    expect(screen.getByRole('textbox', { name: 'Min. confidence %' })).toHaveValue('25 %')
  })

  it('explains a period outside what Summit keeps (422 on period) and offers to drop the confidence filter', { timeout: 45_000 }, async () => {
    const fetchMock = mockApi({
      ...base,
      'GET /deals': (request: { query: URLSearchParams }) =>
        request.query.has('confidence_min')
          ? jsonResponse(422, { error: { code: 'validation_failed', message: 'Invalid.', fields: { period: 'No confidence is kept for 2024-Q1.' } } })
          : jsonResponse(200, page),
    })
    const { router } = renderApp('/deals?period=2024-Q1&min_confidence=50')

    expect(await screen.findByRole('alert')).toHaveTextContent('Summit keeps confidence from the previous fiscal quarter to four quarters ahead')
    await userEvent.click(screen.getByRole('button', { name: 'Remove the confidence filter and sort' }))

    await waitFor(() => expect(router.state.location.search).toBe('?period=2024-Q1'))
    expect(await screen.findByRole('link', { name: 'City data platform' })).toBeInTheDocument()
    expect(lastDealsQuery(fetchMock)).not.toHaveProperty('confidence_min')
  })
})
