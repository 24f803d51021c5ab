import { describe, expect, it } from 'vitest'
import { aReport, emptyBins } from './calibration-fixtures'
import { reliabilityOption } from './components/reliability-chart'
import { bandLabel, reliabilityPoints } from './reliability'

const text = { predicted: 'Predicted', observed: 'Observed', diagonal: 'Perfect' }

describe('reliability diagram', () => {
  it('draws each bin with deals at its mean confidence and win rate, sized and labelled by its count, beside the diagonal', () => {
    const points = reliabilityPoints(aReport().reliability)
    expect(points).toEqual([
      { predicted: 0.05, observed: 0, count: 1 },
      { predicted: 0.325, observed: 0.5, count: 2 },
      { predicted: 0.8, observed: 0, count: 1 },
      { predicted: 0.9, observed: 1, count: 1 },
    ])
    const option = reliabilityOption(points, text)
    const [diagonal, line, scatter] = option.series as { name: string; type: string; data: number[][]; symbolSize?: (v: number[]) => number }[]
    expect(diagonal).toMatchObject({ name: 'Perfect', type: 'line', data: [[0, 0], [1, 1]] })
    expect(line!.data).toEqual([[0.05, 0], [0.325, 0.5], [0.8, 0], [0.9, 1]])
    expect(scatter!.data).toEqual([[0.05, 0, 1], [0.325, 0.5, 2], [0.8, 0, 1], [0.9, 1, 1]])
    expect(scatter!.symbolSize!([0.325, 0.5, 2])).toBeGreaterThan(scatter!.symbolSize!([0.05, 0, 1]))
    expect(option.xAxis).toMatchObject({ min: 0, max: 1, name: 'Predicted' })
    expect(option.yAxis).toMatchObject({ min: 0, max: 1, name: 'Observed' })
  })

  it('has nothing to draw for empty bins, and names each band in whole percentages', () => {
    expect(reliabilityPoints(emptyBins())).toEqual([])
    expect(emptyBins().map(bandLabel)).toEqual(['0–10 %', '10–20 %', '20–30 %', '30–40 %', '40–50 %', '50–60 %', '60–70 %', '70–80 %', '80–90 %', '90–100 %'])
  })
})
