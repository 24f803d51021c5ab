import { describe, expect, it } from 'vitest'
import { barIndexOf, distributionBars, gatesByWeek, mondayOf, weeksFrom } from './board-math'

const gate = (due: string) => ({ milestone_id: due, name: `Gate ${due}`, name_zh: '', due, slip_days: null })

describe('board math', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // a Monday
    ['2026-12-06', '2026-11-30'], // the Sunday after
    ['2026-12-02', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across the year end
  ])('the Monday of %s is %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday)
  })

  it('counts thirteen weeks from this Monday and puts each gate in its week', () => {
    const weeks = weeksFrom('2026-12-02')
    expect(weeks).toHaveLength(13)
    expect(weeks[0]).toBe('2026-11-30')
    expect(weeks[12]).toBe('2027-02-22')
    const cells = gatesByWeek([gate('2026-11-29'), gate('2026-11-30'), gate('2026-12-06'), gate('2026-12-07'), gate('2027-02-28'), gate('2027-03-01')], weeks)
    expect(cells.map((gates) => gates.length)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
  })

  it('merges a fine distribution into at most the bars asked for, keeping the total and dropping empty ends', () => {
    const mass = [0, 0, ...Array.from({ length: 100 }, () => 0.01), 0]
    const bars = distributionBars({ start_minor: 1000, unit_minor: 10, mass }, 30)
    expect(bars.length).toBeLessThanOrEqual(30)
    expect(bars[0]!.fromMinor).toBe(1020)
    expect(bars.at(-1)!.toMinor).toBe(2020)
    expect(bars.reduce((sum, bar) => sum + bar.mass, 0)).toBeCloseTo(1, 12)
  })

  it('finds the bar of a value, clamped to the ends', () => {
    const bars = distributionBars({ start_minor: 0, unit_minor: 100, mass: [0.25, 0.25, 0.5] })
    expect([-5, 0, 150, 299, 10_000].map((value) => barIndexOf(bars, value))).toEqual([0, 0, 1, 2, 2])
    expect(barIndexOf([], 5)).toBe(-1)
  })
})
