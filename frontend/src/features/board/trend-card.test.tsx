import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { teamsPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../test/mock-api'
import { renderApp } from '../../test/render'
import type { ConfidenceTrend } from './api/trend'
import { aBoard, executiveSession } from './board-fixtures'

const routes = {
  'GET /me': executiveSession,
  'GET /teams': teamsPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
  'GET /boards/confidence': aBoard(),
}

const trend = (overrides: Partial<ConfidenceTrend> = {}): ConfidenceTrend => ({
  period: '2026-Q4',
  period_from: '2026-10-01',
  period_to: '2026-12-31',
  team_id: null,
  basis: 'model',
  available: true,
  points: [
    { day: '2026-10-11', probability_of_target: 0.42, expected_minor: 1_700_000_000, won_minor: 0, target_minor: 2_000_000_000, p10_minor: 0, p90_minor: 0, open_deals: 2, currency: 'CNY' },
    { day: '2026-11-30', probability_of_target: 0.63, expected_minor: 1_950_000_000, won_minor: 0, target_minor: 2_000_000_000, p10_minor: 0, p90_minor: 0, open_deals: 2, currency: 'CNY' },
  ],
  ...overrides,
})

describe('board trend', () => {
  it('draws the probability of target and expected revenue by week for the board’s period, team and basis', async () => {
    const fetchMock = mockApi({ ...routes, 'GET /boards/confidence/trend': trend() })
    renderApp('/board?period=2026-Q4&basis=judgement')

    expect(await screen.findByRole('img', { name: 'Trend by week: Oct 11, 2026: 42%, expected CN¥17,000,000; Nov 30, 2026: 63%, expected CN¥19,500,000.' })).toBeInTheDocument()
    const request = requestsTo(fetchMock, 'GET /boards/confidence/trend').at(-1)!
    expect(request.query.get('period')).toBe('2026-Q4')
    expect(request.query.get('basis')).toBe('judgement')
  })

  it('says why there is no trend: none taken yet, or a scope the reader cannot read whole — in Chinese too', async () => {
    mockApi({ ...routes, 'GET /boards/confidence/trend': trend({ points: [] }) })
    const { unmount } = renderApp('/board?period=2026-Q4')
    expect(await screen.findByText('No snapshot of this period yet: Summit takes one every day, so the trend starts with the period.')).toBeInTheDocument()
    unmount()

    await i18n.changeLanguage('zh-CN')
    mockApi({ ...routes, 'GET /boards/confidence/trend': trend({ available: false, points: [] }) })
    renderApp('/board?period=2026-Q4')
    expect(await screen.findByText('趋势汇总了该范围内的全部商机，只向能查看全部商机的人显示。请选择您所在的团队。')).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '趋势' })).toBeInTheDocument()
  })
})
