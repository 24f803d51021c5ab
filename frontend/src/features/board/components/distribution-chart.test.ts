import { describe, expect, it } from 'vitest'
import { distributionBars } from '../board-math'
import { distributionOption } from './distribution-chart'

describe('distribution chart', () => {
  it('draws one bar per cell and marks the target (solid) and percentiles (dashed) in the bars that hold them', () => {
    const bars = distributionBars({ start_minor: 0, unit_minor: 100, mass: [0.1, 0.2, 0.4, 0.2, 0.1] })
    const option = distributionOption(
      bars,
      [
        { name: 'P10', valueMinor: 50 },
        { name: 'P90', valueMinor: 420 },
        { name: 'Target', valueMinor: 310, target: true },
      ],
      (minor) => `¥${minor}`,
    )
    const series = (option.series as { data: number[]; markLine: { data: { name: string; xAxis: number; lineStyle: { type: string } }[] } }[])[0]!
    expect(series.data).toEqual([0.1, 0.2, 0.4, 0.2, 0.1])
    expect((option.xAxis as { data: string[] }).data).toEqual(['¥0', '¥100', '¥200', '¥300', '¥400'])
    expect(series.markLine.data.map((mark) => [mark.name, mark.xAxis, mark.lineStyle.type])).toEqual([
      ['P10', 0, 'dashed'],
      ['P90', 4, 'dashed'],
      ['Target', 3, 'solid'],
    ])
  })
})
