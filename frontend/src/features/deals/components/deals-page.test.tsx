import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { aDeal, pmo, pmoSession, TEAM_NORTH, teamsPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const page = (items = [aDeal()], next_cursor: string | null = null) => ({ items, next_cursor })
// Many Mantine selects opened one after another; jsdom needs more than the default 5 s when busy.
// The page's code now loads inside the test (a lazy route), not with the file: room for a busy machine.
const SLOW = { timeout: 45_000 }
const base = { 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 } }

function lastDealsQuery(fetchMock: ReturnType<typeof mockApi>): URLSearchParams {
  return requestsTo(fetchMock, 'GET /deals').at(-1)!.query
}

describe('deals list', () => {
  it('puts filters, search and sort in the URL and sends them to the API', SLOW, async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page() })
    const { router } = renderApp('/deals')
    await screen.findByRole('link', { name: 'City data platform' })

    await userEvent.click(screen.getByRole('combobox', { name: 'Segment' }))
    await userEvent.click(screen.getByRole('option', { name: 'Government (G2B)' }))
    await userEvent.click(screen.getByRole('combobox', { name: 'Team' }))
    await userEvent.click(screen.getByRole('option', { name: 'Government Business / North China' }))
    await userEvent.click(screen.getByRole('switch', { name: 'Only my deals' }))
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search' }), 'platform')
    await userEvent.click(screen.getByRole('button', { name: /^Amount/ }))
    await userEvent.click(screen.getByRole('button', { name: /^Amount/ }))

    await waitFor(() => expect(router.state.location.search).toContain('q=platform'))
    const url = new URLSearchParams(router.state.location.search)
    expect(Object.fromEntries(url)).toEqual({ q: 'platform', segment: 'g2b', team: TEAM_NORTH, mine: '1', sort: '-amount_minor' })
    await waitFor(() =>
      expect(Object.fromEntries(lastDealsQuery(fetchMock))).toMatchObject({
        q: 'platform',
        segment: 'g2b',
        team_id: TEAM_NORTH,
        member_id: pmo.id,
        sort: '-amount_minor',
      }),
    )
    expect(screen.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', 'descending')
  })

  it('opens on the open deals, and clearing Status lists every deal', SLOW, async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page() })
    const { router } = renderApp('/deals')
    await screen.findByRole('link', { name: 'City data platform' })
    expect(lastDealsQuery(fetchMock).get('status')).toBe('open')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Open')

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }))
    await userEvent.click(await screen.findByRole('option', { name: 'All' }))

    await waitFor(() => expect(router.state.location.search).toBe('?status=all'))
    await waitFor(() => expect(lastDealsQuery(fetchMock).has('status')).toBe(false))
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('All')
  })

  it('reads the filters of a shared link, ignoring values it does not know', async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page() })
    renderApp('/deals?segment=key_account&status=won&period=2026-Q4&sort=name&team=nonsense&mine=maybe')

    await screen.findByRole('link', { name: 'City data platform' })
    const query = Object.fromEntries(lastDealsQuery(fetchMock))
    expect(query).toMatchObject({ segment: 'key_account', status: 'won', period: '2026-Q4', sort: 'name' })
    expect(query).not.toHaveProperty('team_id')
    expect(query).not.toHaveProperty('member_id')
  })

  it('pages with next_cursor and keeps the cursor in the URL', async () => {
    const second = aDeal({ id: 'd-2', name: 'Smart port' })
    const fetchMock = mockApi({
      ...base,
      'GET /deals': ({ query }: MockRequest) => jsonResponse(200, query.get('cursor') === 'c2' ? page([second]) : page([aDeal()], 'c2')),
    })
    const { router } = renderApp('/deals?status=won')

    await userEvent.click(await screen.findByRole('button', { name: 'Next' }))

    expect(await screen.findByRole('link', { name: 'Smart port' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?status=won&cursor=c2')
    expect(lastDealsQuery(fetchMock).get('status')).toBe('won')
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }))
    expect(await screen.findByRole('link', { name: 'City data platform' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?status=won')
  })

  it('starts again at the first page when the server refuses a stale cursor', async () => {
    mockApi({
      ...base,
      'GET /deals': ({ query }: MockRequest) =>
        query.get('cursor')
          ? jsonResponse(400, { error: { code: 'malformed_request', message: 'See fields.', fields: { cursor: 'is not a cursor from this list' } } })
          : jsonResponse(200, page()),
    })
    const { router } = renderApp('/deals?status=won&cursor=stale')

    expect(await screen.findByRole('link', { name: 'City data platform' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?status=won')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('formats amounts in the UI language', async () => {
    mockApi({ ...base, 'GET /deals': page([aDeal({ amount_minor: 123_456_789, currency: 'CNY' })]) })
    renderApp('/deals')

    expect(await screen.findByText('CN¥1,234,567.89')).toBeInTheDocument()
    await act(() => i18n.changeLanguage('zh-CN'))
    expect(await screen.findByText('¥1,234,567.89')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: '商机' })).toBeInTheDocument()
  })

  it('opens a deal from its row', async () => {
    mockApi({ ...base, 'GET /deals': page(), 'GET /deals/d-1': aDeal(), 'GET /deals/d-1/activity': { items: [], next_cursor: null } })
    const { router } = renderApp('/deals?segment=g2b')

    const row = (await screen.findByRole('link', { name: 'City data platform' })).closest('tr')!
    await userEvent.click(within(row).getByText('Beijing Big Data Bureau'))

    // The deal opens once the workspace's code has arrived.
    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/d-1'))
    expect(await screen.findByRole('link', { name: /All deals/ })).toHaveAttribute('href', '/deals?segment=g2b')
  })

  it('says when no deal matches and clears the filters', async () => {
    const fetchMock = mockApi({ ...base, 'GET /deals': page([]) })
    const { router } = renderApp('/deals?q=nothing')

    expect(await screen.findByText('No deals match these filters.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }))

    // Clearing clears the default open-deals filter too: every deal, whatever its status.
    await waitFor(() => expect(router.state.location.search).toBe('?status=all'))
    expect(lastDealsQuery(fetchMock).get('status')).toBeNull()
    expect(lastDealsQuery(fetchMock).get('q')).toBeNull()
  })

  it('shows a failed load in the UI language', async () => {
    mockApi({ ...base, 'GET /deals': () => jsonResponse(500, { error: { code: 'internal_error', message: 'Something went wrong on our side.' } }) })
    renderApp('/deals')

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.')
  })
})
