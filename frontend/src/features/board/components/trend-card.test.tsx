import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import i18n from '../../../i18n'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { renderWithProviders } from '../../../test/render'
import type { ConfidenceTrend } from '../api/trend'
import { TrendCard } from './trend-card'

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

const TEAM = '00000000-0000-4000-8000-000000000042'

describe('board trend card', () => {
  it('draws the probability of target and expected revenue by week for the board’s period, team and basis', async () => {
    const fetchMock = mockApi({ 'GET /boards/confidence/trend': trend() })
    renderWithProviders(<TrendCard query={{ period: '2026-Q4', teamId: TEAM, basis: 'judgement' }} currency="CNY" />)

    const chart = await screen.findByLabelText('Trend by week: Oct 11, 2026: 42%, expected CN¥17,000,000; Nov 30, 2026: 63%, expected CN¥19,500,000.')
    expect(chart).toHaveAttribute('role', 'img')
    const request = requestsTo(fetchMock, 'GET /boards/confidence/trend').at(-1)!
    expect([request.query.get('period'), request.query.get('team_id'), request.query.get('basis')]).toEqual(['2026-Q4', TEAM, 'judgement'])
  })

  it('says why there is no trend: none taken yet, or a scope the reader cannot read whole — in Chinese too', async () => {
    mockApi({ 'GET /boards/confidence/trend': trend({ points: [] }) })
    const { unmount } = renderWithProviders(<TrendCard query={{ period: '2026-Q4' }} currency="CNY" />)
    expect(await screen.findByText('No snapshot of this period yet: Summit takes one every day, so the trend starts with the period.')).toBeInTheDocument()
    unmount()

    await i18n.changeLanguage('zh-CN')
    mockApi({ 'GET /boards/confidence/trend': trend({ available: false, points: [] }) })
    renderWithProviders(<TrendCard query={{ period: '2026-Q4', teamId: TEAM }} currency="CNY" />)
    expect(await screen.findByText('趋势汇总了该范围内的全部商机，只向能查看全部商机的人显示。请选择您所在的团队。')).toBeInTheDocument()
    expect(screen.getByText('趋势', { selector: 'h2' })).toBeInTheDocument()
  })
})
