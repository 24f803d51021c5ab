import { describe, expect, it } from 'vitest'
import type { ConfidenceTrendPoint } from '../api/trend'
import { trendOption } from './trend-chart'

const point = (day: string, p: number | null, expected: number, target: number | null): ConfidenceTrendPoint => ({
  day,
  probability_of_target: p,
  expected_minor: expected,
  won_minor: 0,
  target_minor: target,
  p10_minor: 0,
  p90_minor: 0,
  open_deals: 3,
  currency: 'CNY',
})

const names = { probability: 'Probability of target', expected: 'Expected revenue', target: 'Target' }

describe('trend chart', () => {
  it('draws the probability (percent axis), the expected revenue and the target line (money axis) at each week', () => {
    const option = trendOption([point('2026-10-05', 0.4, 900, 1000), point('2026-10-12', 0.55, 1100, 1000)], names, (m) => `¥${m}`, (d) => d.slice(5))
    expect((option.xAxis as { data: string[] }).data).toEqual(['10-05', '10-12'])
    const series = option.series as { name: string; yAxisIndex: number; data: (number | null)[]; lineStyle?: { type: string } }[]
    expect(series.map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['Probability of target', 0, [0.4, 0.55]],
      ['Expected revenue', 1, [900, 1100]],
      ['Target', 1, [1000, 1000]],
    ])
    expect(series[2]!.lineStyle!.type).toBe('dashed')
  })

  it('leaves the target line out when the scope has no target', () => {
    const option = trendOption([point('2026-10-05', null, 900, null)], names, (m) => `¥${m}`, (d) => d)
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(['Probability of target', 'Expected revenue'])
  })
})
