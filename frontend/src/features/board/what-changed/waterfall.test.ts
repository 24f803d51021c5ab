import { describe, expect, it } from 'vitest'
import { aChangesReport } from './changes-fixtures'
import { waterfallSteps } from './waterfall'

describe('waterfallSteps', () => {
  it('walks from the probability then through each category that moved to the probability now', () => {
    const { steps, probability } = waterfallSteps(aChangesReport())
    expect(probability).toBe(true)
    expect(steps.map((s) => s.key)).toEqual(['start', 'new', 'won', 'pushed_out', 'confidence_down', 'interaction', 'now'])
    expect(steps[0]).toMatchObject({ from: 0, to: 0.5, total: true })
    expect(steps[1]!.from).toBeCloseTo(0.5)
    expect(steps[1]!.to).toBeCloseTo(0.56)
    // Each step starts where the one before ended, and the last lands on now.
    for (let i = 2; i < steps.length - 1; i++) expect(steps[i]!.from).toBeCloseTo(steps[i - 1]!.to)
    expect(steps.at(-2)!.to).toBeCloseTo(0.62)
    expect(steps.at(-1)).toMatchObject({ from: 0, to: 0.62, total: true })
  })

  it('falls back on the expected revenue without a target', () => {
    const report = aChangesReport({ target_minor: null, probability_start: null, probability_now: null, interaction: null })
    const { steps, probability } = waterfallSteps(report)
    expect(probability).toBe(false)
    expect(steps[0]!.to).toBe(report.expected_start_minor)
    expect(steps.at(-1)!.to).toBe(report.expected_now_minor)
    expect(steps.map((s) => s.key)).not.toContain('interaction')
  })
})
