import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { teamsPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { aBoard, executiveSession } from '../board-fixtures'
import { aChangesReport, CHANGED_DEAL } from './changes-fixtures'

const routes = {
  'GET /me': executiveSession,
  'GET /teams': teamsPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
  'GET /boards/confidence': aBoard(),
}

describe('what changed since', () => {
  it('is asked for only when opened, then shows the waterfall and the deals linked to their activity between the two days', async () => {
    const fetchMock = mockApi({ ...routes, 'GET /boards/confidence/changes': aChangesReport() })
    const user = userEvent.setup()
    renderApp('/board?period=2026-Q4')

    await screen.findByRole('group', { name: 'Probability of target' })
    expect(requestsTo(fetchMock, 'GET /boards/confidence/changes')).toHaveLength(0)
    await user.click(screen.getByRole('button', { name: 'What changed since…' }))

    const section = within(await screen.findByRole('region', { name: 'What changed since' }))
    expect(await section.findByRole('img', {
      name: 'Waterfall of the probability of target: 50% on Nov 23, 2026, New +6.0 pts, Won +9.0 pts, Pushed out -7.0 pts, Confidence down -3.0 pts, Together +7.0 pts, 62% now.',
    })).toBeInTheDocument()
    expect(section.getByText(/Snapshot of Nov 23, 2026 against now · 4 deals moved/)).toBeInTheDocument()
    expect(section.getByLabelText('Since')).toHaveValue('2026-11-23')
    const request = requestsTo(fetchMock, 'GET /boards/confidence/changes')[0]!
    expect(request.query.get('period')).toBe('2026-Q4')
    expect(request.query.has('from')).toBe(false) // the server's default: last Monday

    const table = within(section.getByRole('table', { name: 'Deals that moved' }))
    const row = table.getByRole('row', { name: /City hospital PACS/ })
    expect(row).toHaveTextContent('Won')
    expect(row).toHaveTextContent('60% → 100%')
    expect(row).toHaveTextContent('+9.0 pts')
    expect(within(row).getByRole('link', { name: 'City hospital PACS' })).toHaveAttribute('href', `/deals/${CHANGED_DEAL}/activity?from=2026-11-23&to=2026-11-30`)
    expect(table.getByRole('row', { name: /Tax bureau cloud/ })).toHaveTextContent('— → 40%')

    // Another day asks again from it.
    fireEvent.change(section.getByLabelText('Since'), { target: { value: '2026-11-02' } })
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /boards/confidence/changes').at(-1)!.query.get('from')).toBe('2026-11-02'))
  })

  it('says so when there is no snapshot to compare with', async () => {
    mockApi({ ...routes, 'GET /boards/confidence/changes': aChangesReport({ from_day: null, items: [], total_changes: 0, probability_start: null, probability_now: null }) })
    const user = userEvent.setup()
    renderApp('/board')
    await user.click(await screen.findByRole('button', { name: 'What changed since…' }))
    expect(await screen.findByText('Summit has no snapshot on or before Nov 23, 2026: nothing to compare with yet. Snapshots are taken once a day.')).toBeInTheDocument()
  })

  it('speaks Chinese', async () => {
    mockApi({ ...routes, 'GET /boards/confidence/changes': () => jsonResponse(200, aChangesReport()) })
    try {
      const user = userEvent.setup()
      renderApp('/board')
      await screen.findByRole('group', { name: 'Probability of target' })
      await act(() => i18n.changeLanguage('zh-CN'))
      await user.click(await screen.findByRole('button', { name: '自某日以来的变化…' }))
      const section = within(await screen.findByRole('region', { name: '自以下日期以来的变化' }))
      expect(await section.findByRole('img', { name: /^目标达成概率瀑布图：/ })).toBeInTheDocument()
      expect(section.getByRole('row', { name: /City hospital PACS/ })).toHaveTextContent('赢单')
      expect(section.getByRole('row', { name: /City hospital PACS/ })).toHaveTextContent('+9.0 个百分点')
    } finally {
      await i18n.changeLanguage('en')
    }
  })
})
