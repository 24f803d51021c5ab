import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { Schema } from '../../../../lib/api-client'
import { aConfidence } from '../../../../test/confidence-fixtures'
import { aHistory, aMove } from '../../../../test/confidence-history-fixtures'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../../test/deal-fixtures'
import { mockApi } from '../../../../test/mock-api'
import { renderApp, renderWithProviders } from '../../../../test/render'
import type { ConfidenceHistory } from '../../api/confidence-history'
import { ConfidenceHistorySection } from './confidence-history'
import { historyOption } from './history-chart'

/** Stands in for the activity feature's sentence (the app hands that one in). */
function EntryText({ entry }: { entry: Schema<'Activity'> }) {
  return <>{`${entry.actor_name ?? ''}: ${entry.action}`}</>
}

/** The section alone, as the confidence panel shows it for 2026-Q4. */
function show(history: ConfidenceHistory) {
  mockApi({ 'GET /meta': { fiscal_year_start_month: 1 }, 'GET /deals/d-1/confidence/history': history })
  const router = createMemoryRouter([{ path: '*', element: <ConfidenceHistorySection dealId="d-1" period="2026-Q4" ActivityText={EntryText} /> }])
  renderWithProviders(<RouterProvider router={router} />)
}

describe('confidence over time', () => {
  it('lists each move with the activity in between, the newest entries and a link to all of them', async () => {
    show(aHistory('en'))
    const list = await screen.findByRole('list', { name: 'What moved it' })
    const latest = within(within(list).getByRole('listitem', { name: 'Move from Nov 2, 2026 to Nov 9, 2026' }))
    expect(latest.getByText('Li Wei: stakeholder.updated')).toBeInTheDocument()
    expect(latest.getByRole('link', { name: 'See all 5 changes in between' })).toBeInTheDocument()
  })

  it("sits on the deal's confidence panel and says when there is no history yet", async () => {
    mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /users': usersPage,
      'GET /meta': { fiscal_year_start_month: 1 },
      'GET /deals/d-1': aDeal(),
      'GET /deals/d-1/milestones': { items: [] },
      'GET /deals/d-1/baselines': { items: [] },
      'GET /deals/d-1/plan/checks': { items: [] },
      'GET /deals/d-1/confidence': aConfidence(),
      'GET /deals/d-1/confidence/history': { deal_id: 'd-1', period: '2026-Q4', points: [], moves: [] },
    })
    renderApp('/deals/d-1/confidence?period=2026-Q4')
    expect(await screen.findByRole('heading', { name: 'Confidence over time' }, { timeout: 20_000 })).toBeInTheDocument()
    expect(await screen.findByText('No history yet: Summit keeps a snapshot of each open deal every day.')).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: /Line chart/ })).not.toBeInTheDocument()
  }, 60_000)

  it('lists the first ten moves and the rest on demand, and names the timing when no factor moved', async () => {
    const moves = Array.from({ length: 12 }, (_, i) =>
      aMove({ from: `2026-10-${String(i + 1).padStart(2, '0')}`, to: `2026-10-${String(i + 2).padStart(2, '0')}`,
        p_in_period_before: 0.9, p_in_period_after: 0.6, confidence_before: 0.45, confidence_after: 0.3, p_win_after: 0.5 }))
    show({ ...aHistory('en'), moves })
    const list = await screen.findByRole('list', { name: 'What moved it' })
    const named = () => within(list).getAllByRole('listitem').filter((item) => item.getAttribute('aria-label'))
    expect(named()).toHaveLength(10)
    expect(within(named()[0]!).getByText('Timing: closes in the period 90% → 60%')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Show all 12 moves' }))
    expect(named()).toHaveLength(12)
  })
})

describe('history chart option', () => {
  it('plots both lines in percent and breaks the confidence on a day outside the window', () => {
    const option = historyOption(
      [{ day: '2026-11-01', p_win: 0.5, confidence: null }, { day: '2026-11-02', p_win: 0.555, confidence: 0.4444 }],
      { confidence: 'Confidence', pWin: 'Chance of winning' },
    )
    const series = option.series as { name: string; data: [string, number | null][] }[]
    expect(series.map((s) => s.name)).toEqual(['Confidence', 'Chance of winning'])
    expect(series[0]!.data).toEqual([['2026-11-01', null], ['2026-11-02', 44.4]])
    expect(series[1]!.data).toEqual([['2026-11-01', 50], ['2026-11-02', 55.5]])
  })
})
