/**
 * Reporting periods as the API names them: a fiscal quarter `2026-Q4` or a month `2026-11`.
 * Fiscal quarters count from the fiscal year's start month (`GET /meta`), and a fiscal year is
 * named by the calendar year it starts in.
 */

/** `YYYY-Qn` or `YYYY-MM`, the shape `GET /deals?period=` accepts. */
export const PERIOD_PATTERN = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/

/** True when `value` is a period the API accepts. */
export function isPeriod(value: string | null | undefined): value is string {
  return !!value && PERIOD_PATTERN.test(value)
}

/** A period taken apart, for labelling it. */
export type PeriodParts = { kind: 'quarter'; year: number; quarter: number } | { kind: 'month'; year: number; month: number }

/** Splits a valid period into its parts; null for anything else. */
export function periodParts(period: string): PeriodParts | null {
  if (!isPeriod(period)) return null
  const year = Number(period.slice(0, 4))
  const rest = period.slice(5)
  return rest.startsWith('Q') ? { kind: 'quarter', year, quarter: Number(rest.slice(1)) } : { kind: 'month', year, month: Number(rest) }
}

/** The fiscal quarter a calendar month (1–12) of a year falls in. */
export function fiscalQuarterOf(year: number, month: number, fiscalStartMonth: number): string {
  const offset = (month - fiscalStartMonth + 12) % 12
  const fiscalYear = month >= fiscalStartMonth ? year : year - 1
  return `${fiscalYear}-Q${Math.floor(offset / 3) + 1}`
}

/** `count` consecutive fiscal quarters starting with the one `today` falls in. */
export function quartersFrom(today: Date, fiscalStartMonth: number, count: number): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const at = new Date(today.getFullYear(), today.getMonth() + 3 * i, 1)
    out.push(fiscalQuarterOf(at.getFullYear(), at.getMonth() + 1, fiscalStartMonth))
  }
  return out
}

/** `count` consecutive months `YYYY-MM` starting with the one `today` falls in. */
export function monthsFrom(today: Date, count: number): string[] {
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const at = new Date(today.getFullYear(), today.getMonth() + i, 1)
    out.push(`${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`)
  }
  return out
}

/** Today as `YYYY-MM-DD` in the viewer's time zone, e.g. a form's default start date. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
