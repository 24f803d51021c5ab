import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { aDeal, pmoSession, teamsPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const SLOW = { timeout: 90_000 }
const base = { 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 } }
const page = (items = [aDeal()], next_cursor: string | null = null) => ({ items, next_cursor })
const summary = {
  count: 3,
  totals: [
    { currency: 'CNY', count: 2, amount_minor: 6_000_000_000 },
    { currency: 'USD', count: 1, amount_minor: 125_000 },
  ],
}

describe('deals list summary', () => {
  it('shows the count and per-currency amounts of the whole filtered set, asked once per filter change', SLOW, async () => {
    const fetchMock = mockApi({
      ...base,
      'GET /deals': ({ query }: MockRequest) => jsonResponse(200, query.get('cursor') === 'c2' ? page([aDeal({ id: 'd-2', name: 'Smart port' })]) : page([aDeal()], 'c2')),
      'GET /deals/summary': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('status') === 'won' ? { count: 0, totals: [] } : summary),
    })
    renderApp('/deals')

    const box = await screen.findByRole('status', { name: 'The filtered deals' })
    await waitFor(() => expect(box).toHaveTextContent('3 deals'))
    expect(within(box).getByText(/in 2 deals/)).toHaveTextContent(/60,000,000\.00 in 2 deals/)
    expect(within(box).getByText(/in 1 deals/)).toHaveTextContent(/1,250\.00 in 1 deals/)

    // Paging and sorting keep it: the list's pages cost no extra request.
    await userEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(await screen.findByRole('link', { name: 'Smart port' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: /^Amount/ }))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals').length).toBeGreaterThanOrEqual(3))
    expect(requestsTo(fetchMock, 'GET /deals/summary')).toHaveLength(1)
    const [first] = requestsTo(fetchMock, 'GET /deals/summary')
    expect(Object.fromEntries(first!.query)).toEqual({ status: 'open' }) // the list opens on open deals

    // A filter asks again, with that filter and no page or order.
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Won' }))
    await waitFor(() => expect(box).toHaveTextContent('0 deals'))
    const asked = requestsTo(fetchMock, 'GET /deals/summary')
    expect(asked).toHaveLength(2)
    expect(Object.fromEntries(asked[1]!.query)).toEqual({ status: 'won' })
  })

  it('shows whole status badges and no Created column; the summary in Chinese', SLOW, async () => {
    mockApi({
      ...base,
      'GET /deals': page([aDeal({ status: 'abandoned' }), aDeal({ id: 'd-2', name: 'Smart port', status: 'won' })]),
      'GET /deals/summary': summary,
    })
    renderApp('/deals')
    const table = await screen.findByRole('table', { name: 'Deals' })
    const badge = within(table).getByText('Abandoned')
    expect(badge).toHaveStyle({ textOverflow: 'clip', overflow: 'visible' })
    expect(within(table).queryByRole('columnheader', { name: /Created/ })).not.toBeInTheDocument()

    await i18n.changeLanguage('zh-CN')
    expect(await screen.findByText('共 3 个商机')).toBeInTheDocument()
  })
})
