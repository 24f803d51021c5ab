import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { quartersFrom } from '../../../lib/periods'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { aConfidence } from './confidence-fixtures'

const JUDGE = ['deal:read', 'deal:write', 'deal.plan:read', 'deal.judgement:write']
const routes = {
  'GET /me': pmoSession,
  'GET /teams': teamsPage,
  'GET /users': usersPage,
  'GET /meta': { fiscal_year_start_month: 1 },
  'GET /deals/d-1/milestones': { items: [] },
  'GET /deals/d-1/baselines': { items: [] },
  'GET /deals/d-1/plan/checks': { items: [] },
  'GET /deals/d-1/confidence/history': { deal_id: 'd-1', period: '2026-Q4', points: [], moves: [] },
}

describe('confidence panel', () => {
  it('shows the confidence, its parts and dates, and every factor in the table with a readable sentence', async () => {
    const fetchMock = mockApi({ ...routes, 'GET /deals/d-1': aDeal({ permissions: JUDGE }), 'GET /deals/d-1/confidence': aConfidence() })
    renderApp('/deals/d-1/confidence?period=2026-Q4')

    const figures = within(await screen.findByRole('group', { name: 'Confidence' }))
    expect(figures.getByText('29%')).toBeInTheDocument()
    expect(figures.getByText('58%')).toBeInTheDocument()
    expect(figures.getByText('50%')).toBeInTheDocument()
    expect(figures.getByText('Dec 28, 2026')).toBeInTheDocument()
    expect(figures.getByText('Jan 25, 2027')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence')[0]?.query.get('period')).toBe('2026-Q4')

    const table = within(screen.getByRole('table', { name: 'Factors of the chance of winning' }))
    const rows = table.getAllByRole('row').slice(1).map((row) => row.textContent)
    expect(rows).toEqual([
      'Base rate30%Where every deal starts',
      'Progress through the plan+22.0 pts45% of the weighted plan is done; 2 of 5 gates passed.',
      "Decision maker's stance+10.0 ptsOne decision maker; their stance, weighted by influence, scores 0.8.",
      'Stale contact-4.0 pts2 stakeholders have not been contacted in 30 days.',
      'Chance of winning58%Base rate plus every factor',
    ])
    expect(await screen.findByRole('img', { name: /Waterfall of the factors/ })).toBeInTheDocument()
    expect(screen.getByText(/closes on Dec 28, 2026, 9 working days after the target close date Dec 15, 2026/)).toBeInTheDocument()
  })

  it('asks for the current fiscal quarter by default and keeps another chosen period in the URL', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE }),
      'GET /deals/d-1/confidence': (request: { query: URLSearchParams }) =>
        jsonResponse(200, aConfidence({ period: request.query.get('period') ?? '2026-Q4', confidence: request.query.get('period') ? 0.12 : 0.29 })),
    })
    const { router } = renderApp('/deals/d-1/confidence')

    const picker = await screen.findByRole('combobox', { name: 'Period' })
    await waitFor(() => expect(picker).toHaveValue('FY2026 Q4'))
    expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence')[0]?.query.has('period')).toBe(false)
    await userEvent.click(screen.getByRole('combobox', { name: 'Period' }))
    // The picker offers quarters from today's on; take the next one.
    const next = quartersFrom(new Date(), 1, 2)[1]!
    await userEvent.click(await screen.findByRole('option', { name: `FY${next.replace('-', ' ')}` }))

    await waitFor(() => expect(router.state.location.search).toBe(`?period=${next}`))
    expect(await within(screen.getByRole('group', { name: 'Confidence' })).findByText('12%')).toBeInTheDocument()
  })

  it('puts model and judgement side by side and warns when they differ by more than 20 points', async () => {
    mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE, manual_probability: 0.7, forecast_category: 'commit' }),
      'GET /deals/d-1/confidence': aConfidence({ manual_probability: 0.7, forecast_category: 'commit', gap_points: 41, gap_flagged: true }),
    })
    renderApp('/deals/d-1/confidence')

    const sides = within(await screen.findByRole('group', { name: 'Model / Judgement' }))
    expect(sides.getByText('29%')).toBeInTheDocument()
    expect(sides.getByText('70% · Commit')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('Model and judgement differ by 41 points')
  })

  it('shows no gap warning when model and judgement agree', async () => {
    mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE, manual_probability: 0.35 }),
      'GET /deals/d-1/confidence': aConfidence({ manual_probability: 0.35, gap_points: 6, gap_flagged: false }),
    })
    renderApp('/deals/d-1/confidence')

    await screen.findByRole('group', { name: 'Model / Judgement' })
    expect(screen.queryByText(/Model and judgement differ/)).not.toBeInTheDocument()
  })

  it('saves the judgement with the deal version, sending only what changed, and refreshes the confidence', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE }),
      'GET /deals/d-1/confidence': aConfidence(),
      'PATCH /deals/d-1': aDeal({ permissions: JUDGE, manual_probability: 0.755, forecast_category: 'commit', version: 5 }),
    })
    renderApp('/deals/d-1/confidence')
    const editor = within(await screen.findByRole('form', { name: 'Judgement' }))

    await userEvent.click(editor.getByRole('combobox', { name: 'Forecast category' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Commit' }))
    await userEvent.type(editor.getByRole('textbox', { name: /Manual probability/ }), '75.5')
    const before = requestsTo(fetchMock, 'GET /deals/d-1/confidence').length
    await userEvent.click(editor.getByRole('button', { name: 'Save judgement' }))

    expect(await editor.findByRole('status')).toHaveTextContent('Judgement saved.')
    const [patch] = requestsTo(fetchMock, 'PATCH /deals/d-1')
    expect(patch?.body).toEqual({ forecast_category: 'commit', manual_probability: 0.755 })
    expect(patch?.headers.get('If-Match')).toBe('"4"')
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence').length).toBeGreaterThan(before))
  }, 20_000)

  it('keeps what was typed on a 412 and says someone else changed the deal', async () => {
    mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE }),
      'GET /deals/d-1/confidence': aConfidence(),
      'PATCH /deals/d-1': () => jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderApp('/deals/d-1/confidence')
    const editor = within(await screen.findByRole('form', { name: 'Judgement' }))

    await userEvent.type(editor.getByRole('textbox', { name: 'Note' }), 'Budget confirmed by the bureau')
    await userEvent.click(editor.getByRole('button', { name: 'Save judgement' }))

    expect(await editor.findByRole('alert')).toHaveTextContent('Someone else changed this — reload to see their change.')
    expect(editor.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('Budget confirmed by the bureau')
  }, 20_000)

  it('shows the judgement read-only without deal.judgement:write', async () => {
    mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: ['deal:read'], judgement_note: 'Waiting for the budget', manual_probability: 0.4 }),
      'GET /deals/d-1/confidence': aConfidence({ manual_probability: 0.4 }),
    })
    renderApp('/deals/d-1/confidence')

    expect(await screen.findByText('Waiting for the budget')).toBeInTheDocument()
    expect(screen.getByText('Only the deal’s PMO or business role may change the judgement.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save judgement' })).not.toBeInTheDocument()
  })

  it('shows the confidence at a glance above the other tabs, with the gap', async () => {
    mockApi({
      ...routes,
      'GET /deals/d-1': aDeal({ permissions: JUDGE }),
      'GET /deals/d-1/confidence': aConfidence({ manual_probability: 0.7, gap_points: 41, gap_flagged: true }),
    })
    renderApp('/deals/d-1/plan')

    const summary = within(await screen.findByRole('region', { name: 'Confidence summary' }))
    expect(summary.getByText('29%')).toBeInTheDocument()
    expect(summary.getByText('Model and judgement differ by 41 points')).toBeInTheDocument()
    expect(summary.getByRole('link', { name: 'Why?' })).toHaveAttribute('href', '/deals/d-1/confidence')
  })

  it('keeps the chosen period when moving between tabs', async () => {
    const fetchMock = mockApi({ ...routes, 'GET /deals/d-1': aDeal({ permissions: JUDGE }), 'GET /deals/d-1/confidence': aConfidence({ period: '2027-Q1' }) })
    const { router } = renderApp('/deals/d-1/confidence?period=2027-Q1')

    await userEvent.click(await screen.findByRole('tab', { name: 'Plan' }))

    expect(router.state.location.pathname).toBe('/deals/d-1/plan')
    expect(router.state.location.search).toBe('?period=2027-Q1')
    await screen.findByRole('region', { name: 'Confidence summary' })
    expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence').every((request) => request.query.get('period') === '2027-Q1')).toBe(true)
  })
})
