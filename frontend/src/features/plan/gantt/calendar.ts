/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Plan dates are days, not moments, so they
 * are counted as whole days since 1970-01-01 in UTC, where no time zone or DST can shift them.
 */

const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function toDay(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number)
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / MS_PER_DAY)
}

/** The `YYYY-MM-DD` date `day` days after 1970-01-01. */
export function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** `iso` moved by `days` calendar days (negative moves back). */
export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days)
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from)
}

/** Today's date where the user is (their clock, their time zone). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDay(toDay(value)) === value
}

/** Day of the week of a day number, 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}
