import { describe, expect, it } from 'vitest'
import { fiscalQuarterOf, isPeriod, monthsFrom, periodParts, quartersFrom, todayIso } from './periods'

describe('periods', () => {
  it('accepts quarters and months only', () => {
    expect(['2026-Q4', '2026-11', '2027-01'].every(isPeriod)).toBe(true)
    expect(['2026-Q5', '2026-13', '2026-1', 'Q4', ''].some(isPeriod)).toBe(false)
  })

  it.each([
    [2026, 11, 1, '2026-Q4'],
    [2026, 3, 4, '2025-Q4'], // a fiscal year starting in April is named by the year it starts in
    [2026, 4, 4, '2026-Q1'],
    [2027, 1, 10, '2026-Q2'],
  ])('%d-%d with fiscal start %d is %s', (year, month, start, expected) => {
    expect(fiscalQuarterOf(year, month, start)).toBe(expected)
  })

  it('offers the current and next quarters and months', () => {
    const today = new Date(2026, 10, 23)
    expect(quartersFrom(today, 1, 3)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2'])
    expect(monthsFrom(today, 3)).toEqual(['2026-11', '2026-12', '2027-01'])
    expect(todayIso(today)).toBe('2026-11-23')
  })

  it('takes a period apart for its label', () => {
    expect(periodParts('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, quarter: 4 })
    expect(periodParts('2026-11')).toEqual({ kind: 'month', year: 2026, month: 11 })
    expect(periodParts('soon')).toBeNull()
  })
})
