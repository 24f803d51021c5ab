import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { quartersFrom } from '../../lib/periods'
import { TEAM_GOV, TEAM_NORTH, teamsPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import { aConfidence } from '../../test/confidence-fixtures'
import { aBoard, executiveSession } from './board-fixtures'

const routes = {
  'GET /me': executiveSession,
  'GET /teams': teamsPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
}

const boardRequests = (fetchMock: ReturnType<typeof mockApi>) => requestsTo(fetchMock, 'GET /boards/confidence')
const lastBoardRequest = (fetchMock: ReturnType<typeof mockApi>) => boardRequests(fetchMock).at(-1)!

describe('board', () => {
  it('shows the target, won, expected, the probability of target with its percentiles, and top-down against bottom-up', async () => {
    mockApi({ ...routes, 'GET /boards/confidence': aBoard() })
    renderApp('/board?period=2026-Q4')

    const probability = await screen.findByRole('group', { name: 'Probability of target' })
    expect(probability).toHaveTextContent('63%')
    expect(probability).toHaveTextContent('P10 CN¥13,000,000 · P50 CN¥19,000,000 · P90 CN¥25,000,000')
    expect(probability).toHaveAttribute('data-value', '0.634')
    // The judgement roll-up beside the model's, whichever the board uses.
    expect(probability).toHaveTextContent('Judgement basis: 71% · expected CN¥21,000,000')
    expect(screen.getByRole('group', { name: 'Target' })).toHaveTextContent('CN¥20,000,000')
    expect(screen.getByRole('group', { name: 'Won' })).toHaveTextContent('CN¥12,000,000')
    expect(screen.getByRole('group', { name: 'Expected' })).toHaveTextContent('CN¥19,500,0002 open deals')
    const gap = screen.getByRole('group', { name: 'Top-down vs bottom-up' })
    expect(gap).toHaveTextContent('Top-down: CN¥20,000,000')
    expect(gap).toHaveTextContent('Bottom-up: CN¥18,000,000')
    expect(gap).toHaveTextContent('Gap: CN¥2,000,000')
    expect(screen.getByText('Summit Demo Co. · FY2026 Q4 · as of Nov 30, 2026')).toBeInTheDocument()
    expect(await screen.findByRole('img', { name: 'Chance of each revenue outcome: P10 CN¥13,000,000, P50 CN¥19,000,000, P90 CN¥25,000,000, target CN¥20,000,000.' })).toBeInTheDocument()
    // The quota levels in one strip.
    const levels = within(screen.getByRole('region', { name: 'Quota levels' }))
    expect(levels.getByRole('group', { name: 'Input' })).toHaveTextContent('12 / 16 next steps done31 contacts made')
    expect(levels.getByRole('group', { name: 'In-between' })).toHaveTextContent('3 / 5 gates passed')
    expect(levels.getByRole('group', { name: 'Output' })).toHaveTextContent('CN¥12,000,000 won of CN¥20,000,000')
  })

  it('keeps the period, team and basis in the URL and sends them to the API', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /boards/confidence': (request: MockRequest) =>
        jsonResponse(200, aBoard({ period: request.query.get('period') ?? '2026-Q4', basis: request.query.get('basis') === 'judgement' ? 'judgement' : 'model' })),
    })
    const { router } = renderApp('/board')

    await screen.findByRole('group', { name: 'Probability of target' })
    expect(boardRequests(fetchMock)[0]!.query.has('period')).toBe(false)
    expect(boardRequests(fetchMock)[0]!.query.has('team_id')).toBe(false)
    expect(boardRequests(fetchMock)[0]!.query.get('basis')).toBe('model')
    const controls = within(screen.getByRole('group', { name: 'Board settings' }))
    await waitFor(() => expect(controls.getByRole('combobox', { name: 'Period' })).toHaveValue('FY2026 Q4'))

    const next = quartersFrom(new Date(), 1, 2)[1]!
    await userEvent.click(controls.getByRole('combobox', { name: 'Period' }))
    await userEvent.click(await screen.findByRole('option', { name: `FY${next.replace('-', ' ')}` }))
    await waitFor(() => expect(router.state.location.search).toBe(`?period=${next}`))
    await waitFor(() => expect(lastBoardRequest(fetchMock).query.get('period')).toBe(next))

    await userEvent.click(controls.getByRole('combobox', { name: 'Team' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Government Business / North China' }))
    await waitFor(() => expect(router.state.location.search).toBe(`?period=${next}&team_id=${TEAM_NORTH}`))
    await waitFor(() => expect(lastBoardRequest(fetchMock).query.get('team_id')).toBe(TEAM_NORTH))

    await userEvent.click(controls.getByText('Judgement'))
    await waitFor(() => expect(router.state.location.search).toBe(`?period=${next}&team_id=${TEAM_NORTH}&basis=judgement`))
    await waitFor(() => expect(lastBoardRequest(fetchMock).query.get('basis')).toBe('judgement'))
    expect(lastBoardRequest(fetchMock).query.get('period')).toBe(next)

    // The downloads carry the same query.
    expect(controls.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', `/api/v1/boards/confidence.csv?period=${next}&team_id=${TEAM_NORTH}&basis=judgement`)
    expect(controls.getByRole('link', { name: 'Excel' })).toHaveAttribute('href', `/api/v1/boards/confidence.xlsx?period=${next}&team_id=${TEAM_NORTH}&basis=judgement`)
  })

  it('scopes the board to a child team from its row, keeping the period', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /boards/confidence': (request: MockRequest) =>
        jsonResponse(200, request.query.get('team_id') ? aBoard({ team_id: TEAM_GOV, team_name: 'Government Business', teams: [] }) : aBoard()),
    })
    const { router } = renderApp('/board?period=2026-Q4')

    const teams = within(await screen.findByRole('table', { name: 'Child teams' }))
    const row = teams.getByRole('row', { name: /Government Business/ })
    expect(row).toHaveTextContent('Government BusinessCN¥18,000,000CN¥12,000,000CN¥19,500,00071%2')
    await userEvent.click(within(row).getByRole('link', { name: 'Government Business' }))

    await waitFor(() => expect(router.state.location.search).toBe(`?period=2026-Q4&team_id=${TEAM_GOV}`))
    await waitFor(() => expect(lastBoardRequest(fetchMock).query.get('team_id')).toBe(TEAM_GOV))
    expect(lastBoardRequest(fetchMock).query.get('period')).toBe('2026-Q4')
    expect(await screen.findByText('Government Business · FY2026 Q4 · as of Nov 30, 2026')).toBeInTheDocument()
    expect(screen.getByText('This team has no child teams.')).toBeInTheDocument()
  })

  it('lists the focus deals with their swing, next gate, slip and the people who can move it', async () => {
    mockApi({ ...routes, 'GET /boards/confidence': aBoard() })
    renderApp('/board')

    const focus = within(await screen.findByRole('list', { name: 'Focus deals' }))
    const deal = within(focus.getByRole('listitem', { name: 'City data platform' }))
    expect(deal.getByRole('link', { name: 'City data platform' })).toHaveAttribute('href', '/deals/d-1')
    expect(deal.getByText('+32.0 pts swing')).toHaveAttribute('title', 'Probability of target if won 81%, if lost 49%')
    expect(deal.getByText(/Next gate: Bid submission, due Dec 2, 2026/)).toHaveTextContent('Next gate: Bid submission, due Dec 2, 2026 · 9 days late')
    const people = within(deal.getByRole('list', { name: 'People who can move Bid submission' }))
    const person = people.getByRole('listitem')
    expect(person).toHaveTextContent('Director Zhang')
    expect(person).toHaveTextContent('Decision maker')
    expect(person).toHaveTextContent('Skeptic')
    expect(person).toHaveTextContent('Owner: Wang Fang · Next step: Present the pilot results (by Dec 1, 2026)')
  })

  it('shows each deal with model and judgement side by side, and opens a row to its factors for the period', async () => {
    const fetchMock = mockApi({ ...routes, 'GET /boards/confidence': aBoard(), 'GET /deals/d-1/confidence': aConfidence() })
    renderApp('/board?period=2026-Q4')

    const table = within(await screen.findByRole('table', { name: 'Open deals' }))
    const row = table.getByRole('row', { name: 'City data platform' })
    expect(within(row).getByRole('link', { name: 'City data platform' })).toHaveAttribute('href', '/deals/d-1')
    expect(row).toHaveTextContent('CN¥8,000,000.00')
    expect(row).toHaveTextContent('42% / 70% · Commit')
    expect(row).toHaveTextContent('Bid submissionDec 2, 2026')
    expect(row).toHaveTextContent('21 d')
    expect(row).toHaveTextContent('81%49%')
    // A deal in another currency shows its own amount below the converted one.
    expect(table.getByRole('row', { name: 'Provincial cloud' })).toHaveTextContent('CN¥5,000,000.00$700,000.00')
    expect(table.getByRole('row', { name: 'Provincial cloud' })).toHaveTextContent('30% / — · Pipeline')

    expect(screen.queryByRole('table', { name: 'Factors of the chance of winning' })).not.toBeInTheDocument()
    await userEvent.click(within(row).getByRole('button', { name: 'Show the factors of City data platform' }))
    const factors = within(await screen.findByRole('table', { name: 'Factors of the chance of winning' }))
    expect(factors.getByRole('row', { name: /Progress through the plan/ })).toHaveTextContent('+22.0 pts')
    expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence')[0]!.query.get('period')).toBe('2026-Q4')

    await userEvent.click(within(row).getByRole('button', { name: 'Hide the factors of City data platform' }))
    expect(screen.queryByRole('table', { name: 'Factors of the chance of winning' })).not.toBeInTheDocument()
  })

  it('pages the deals with the cursor the server gives and goes back', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /boards/confidence': (request: MockRequest) =>
        jsonResponse(200, request.query.get('cursor') === 'page-2' ? aBoard({ deals: [aBoard().deals[1]!], next_cursor: null }) : aBoard({ deals: [aBoard().deals[0]!], next_cursor: 'page-2' })),
    })
    renderApp('/board')

    const table = within(await screen.findByRole('table', { name: 'Open deals' }))
    expect(table.getByRole('row', { name: 'City data platform' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Next' }))

    expect(await within(screen.getByRole('table', { name: 'Open deals' })).findByRole('row', { name: 'Provincial cloud' })).toBeInTheDocument()
    expect(lastBoardRequest(fetchMock).query.get('cursor')).toBe('page-2')
    expect(lastBoardRequest(fetchMock).query.get('limit')).toBe('25')
    expect(screen.getByText('Page 2')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }))
    expect(await within(screen.getByRole('table', { name: 'Open deals' })).findByRole('row', { name: 'City data platform' })).toBeInTheDocument()
  })

  it('puts each gate of the page in the week it is due, thirteen weeks from this Monday', async () => {
    mockApi({ ...routes, 'GET /boards/confidence': aBoard({ as_of: '2026-12-01' }) })
    renderApp('/board')

    const heatmap = within(await screen.findByRole('table', { name: 'Gate heatmap' }))
    const weeks = heatmap.getAllByRole('columnheader').slice(1)
    expect(weeks).toHaveLength(13)
    expect(weeks[0]).toHaveAttribute('title', 'Week of Nov 30, 2026')
    const cells = within(heatmap.getByRole('row', { name: /City data platform/ })).getAllByRole('cell')
    expect(cells.map((cell) => cell.textContent)).toEqual(['2', '', '', '', '', '', '', '1', '', '', '', '', ''])
    expect(cells[0]).toHaveAccessibleName('2 gates: Bid submission, Bid opening')
    expect(cells[7]).toHaveAccessibleName('1 gate: Contract signed')
    expect(within(heatmap.getByRole('row', { name: /Provincial cloud/ })).getAllByRole('cell').map((cell) => cell.textContent).join('')).toBe('')
  })

  it('says when no target is set and still shows what is won and expected', async () => {
    mockApi({
      ...routes,
      'GET /boards/confidence': aBoard({
        target_minor: null, top_down_minor: null, gap_minor: null, probability_of_target: null,
        levels: { ...aBoard().levels, output: { won_minor: 1_200_000_000, target_minor: null } },
        deals: aBoard().deals.map((deal) => ({ ...deal, if_won: null, if_lost: null, swing: null })), focus: [],
      }),
    })
    renderApp('/board')

    expect(await screen.findByText('No target is set for Summit Demo Co. in FY2026 Q4. The figures below show what is won and expected; admins and executives set targets under Targets.')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Target' })).toHaveTextContent('No target')
    expect(screen.getByRole('group', { name: 'Probability of target' })).toHaveTextContent('—')
    expect(screen.getByRole('group', { name: 'Won' })).toHaveTextContent('CN¥12,000,000')
    expect(screen.getByRole('group', { name: 'Top-down vs bottom-up' })).toHaveTextContent('Gap: —')
    expect(screen.getByRole('group', { name: 'Output' })).toHaveTextContent('CN¥12,000,000 won, no target')
    expect(screen.getByText('No deal swings the probability of target yet.')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: 'Open deals' })).getByRole('row', { name: 'City data platform' })).toHaveTextContent('——')
  })

  it('says when there are no open deals', async () => {
    mockApi({ ...routes, 'GET /boards/confidence': aBoard({ open_deals: 0, deals: [], focus: [], distribution: { start_minor: 1_200_000_000, unit_minor: 1, mass: [1] } }) })
    renderApp('/board')

    const deals = await screen.findByRole('region', { name: 'Deals' })
    expect(deals).toHaveTextContent('No open deals can close in this period for this scope.')
    expect(screen.queryByRole('table', { name: 'Gate heatmap' })).not.toBeInTheDocument()
  })

  it.each([
    [
      'a missing FX rate, naming the currency and period',
      { code: 'fx_rate_missing', message: 'No FX rate for USD in 2026-Q4; an admin can add it under FX rates.', fields: { currency: 'has no rate in 2026-Q4', period: 'has no rate for USD' } },
      'No FX rate for USD in 2026-Q4; an admin can add it under FX rates.',
    ],
    [
      'a period Summit keeps no confidence for',
      { code: 'validation_failed', message: 'Some fields are not valid.', fields: { period: 'must be a period Summit keeps (from 2025-Q4 to 2027-Q3)' } },
      'Summit keeps no confidence for this period: must be a period Summit keeps (from 2025-Q4 to 2027-Q3)',
    ],
  ])('shows the message of a 422 for %s', async (_, error, shown) => {
    mockApi({ ...routes, 'GET /boards/confidence': () => jsonResponse(422, { error }) })
    renderApp('/board?period=2026-Q4')

    const alert = await screen.findByRole('alert', { name: 'The board could not be rolled up' })
    expect(alert).toHaveTextContent(shown)
    // The pickers stay, so another period can be chosen.
    expect(within(screen.getByRole('group', { name: 'Board settings' })).getByRole('combobox', { name: 'Period' })).toBeInTheDocument()
  })

  it('reads in Chinese, gates by their Chinese names', async () => {
    mockApi({ ...routes, 'GET /boards/confidence': aBoard() })
    renderApp('/board?period=2026-Q4')

    await screen.findByRole('group', { name: 'Probability of target' })
    await act(() => i18n.changeLanguage('zh-CN'))
    expect(await screen.findByRole('group', { name: '目标达成概率' })).toHaveTextContent('63%')
    expect(screen.getByRole('heading', { level: 1, name: '看板' })).toBeInTheDocument()
    expect(screen.getByText('Summit Demo Co. · 2026财年第4季度 · 截至 2026年11月30日')).toBeInTheDocument()
    const focus = within(screen.getByRole('list', { name: '重点商机' }))
    expect(focus.getByText(/下一关口：投标/)).toHaveTextContent('下一关口：投标，截止 2026年12月2日 · 延迟 9 天')
    expect(focus.getByText('影响 +32.0 个百分点')).toBeInTheDocument()
    expect(within(screen.getByRole('table', { name: '在途商机' })).getByRole('row', { name: 'City data platform' })).toHaveTextContent('42% / 70% · 承诺')
  })
})
