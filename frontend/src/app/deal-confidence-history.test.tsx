import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aConfidence } from '../test/confidence-fixtures'
import { aHistory } from '../test/confidence-history-fixtures'
import { aDeal, pmoSession, teamsPage, usersPage } from '../test/deal-fixtures'
import { mockApi, requestsTo } from '../test/mock-api'
import { renderApp } from '../test/render'

// The deal's confidence over time on its Confidence tab, in both languages, with the activity
// between two snapshots worded by the activity feature as on the Activity tab.

function show(locale: 'en' | 'zh-CN') {
  const fetchMock = mockApi({
    'GET /me': { ...pmoSession, user: { ...pmoSession.user, locale } },
    'GET /teams': teamsPage,
    'GET /users': usersPage,
    'GET /meta': { fiscal_year_start_month: 1 },
    'GET /deals/d-1': aDeal(),
    'GET /deals/d-1/milestones': { items: [] },
    'GET /deals/d-1/baselines': { items: [] },
    'GET /deals/d-1/plan/checks': { items: [] },
    'GET /deals/d-1/confidence': aConfidence(),
    'GET /deals/d-1/confidence/history': aHistory(locale),
  })
  renderApp('/deals/d-1/confidence?period=2026-Q4')
  return fetchMock
}

describe('a deal\'s confidence over time', () => {
  it.each([
    ['en', {
      moves: 'What moved it', chart: /Line chart of the confidence for FY2026 Q4/,
      latest: 'Move from Nov 2, 2026 to Nov 9, 2026', figures: 'Confidence 32% → 44% · chance of winning 40% → 55%',
      factor: 'Stale contact', factorMove: ': -10.0 → 0.0 pts', sentence: 'Li Wei updated the stakeholder Director Zhao',
      more: 'See all 5 changes in between', earlierFactor: 'Slippage against the baseline', none: 'No activity recorded in between.',
    }],
    ['zh-CN', {
      moves: '变动原因', chart: /2026财年第4季度 把握度与赢单概率的逐日折线图/,
      latest: '2026年11月2日 至 2026年11月9日 的变动', figures: '把握度 32% → 44% · 赢单概率 40% → 55%',
      factor: '联系久未更新', factorMove: ': -10.0 → 0.0 个百分点', sentence: 'Li Wei 更新了干系人 Director Zhao',
      more: '查看期间的全部 5 条变更', earlierFactor: '相对基线的延误', none: '期间没有活动记录。',
    }],
  ] as const)('draws the line and lists each move with its factor and the activity in between (%s)', async (locale, want) => {
    const fetchMock = show(locale)

    // The whole app renders the tab first: on a loaded machine that takes a while.
    const moves = within(await screen.findByRole('list', { name: want.moves }, { timeout: 20_000 }))
    expect(await screen.findByRole('img', { name: want.chart })).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /deals/d-1/confidence/history')[0]?.query.get('period')).toBe('2026-Q4')

    const latest = within(moves.getByRole('listitem', { name: want.latest }))
    expect(latest.getByText(want.figures, { exact: false })).toBeInTheDocument()
    expect(latest.getByText(want.factor)).toBeInTheDocument()
    expect(latest.getByText(want.factorMove, { exact: false })).toBeInTheDocument()
    expect(await latest.findByText(want.sentence)).toBeInTheDocument()
    const link = latest.getByRole('link', { name: want.more })
    expect(link).toHaveAttribute('href', '/deals/d-1/activity?from=2026-11-02T00%3A05%3A00Z&to=2026-11-09T00%3A05%3A00Z')

    const items = moves.getAllByRole('listitem').filter((item) => item.getAttribute('aria-label'))
    expect(items).toHaveLength(2)
    const earlier = within(items[1]!)
    expect(earlier.getByText(want.earlierFactor)).toBeInTheDocument()
    expect(earlier.getByText(want.none)).toBeInTheDocument()
  }, 60_000)
})
