/**
 * The Gantt time axis: two tiers of labelled spans (months over weeks, or quarters over
 * months) and the weekend bands, computed from a scale as plain data.
 */
import { fromDay, weekday } from './calendar'
import type { Scale, Zoom } from './layout'

/** One labelled span of the axis, in chart pixels. */
export interface Tick {
  x: number
  width: number
  label: string
}

/** The axis: `major` on the upper tier, `minor` on the lower one. */
export interface Axis {
  major: Tick[]
  minor: Tick[]
}

/**
 * The axis of `scale` at `zoom` with labels in `locale`: months over weeks (labelled by the
 * Monday's date) at week and month zoom, quarters over months at quarter zoom.
 */
export function axisTicks(scale: Scale, zoom: Zoom, locale: string): Axis {
  if (zoom === 'quarter') {
    const quarter = (day: number) => {
      const date = dateOf(day)
      return quarterLabel(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) + 1, locale)
    }
    return { major: spans(scale, monthStarts(scale, 3), quarter), minor: spans(scale, monthStarts(scale, 1), formatter(locale, { month: 'short' })) }
  }
  const monthLabel = formatter(locale, { month: 'short', year: 'numeric' })
  const weekLabel = formatter(locale, zoom === 'week' ? { month: 'short', day: 'numeric' } : { day: 'numeric' })
  return { major: spans(scale, monthStarts(scale, 1), monthLabel), minor: spans(scale, weekStarts(scale), weekLabel) }
}

/** Saturdays and Sundays as x spans, to shade non-working days. */
export function weekendSpans(scale: Scale): { x: number; width: number }[] {
  const out: { x: number; width: number }[] = []
  for (let day = scale.originDay; day < scale.originDay + scale.days; day++) {
    if (weekday(day) === 5) out.push({ x: (day - scale.originDay) * scale.pxPerDay, width: 2 * scale.pxPerDay })
  }
  return out
}

/** "Q1 2026" or "2026年第1季度". */
export function quarterLabel(year: number, quarter: number, locale: string): string {
  return locale.startsWith('zh') ? `${year}年第${quarter}季度` : `Q${quarter} ${year}`
}

// Day numbers inside the scale where a month (every `step` months, aligned to Jan) begins;
// the scale's first day is always included so the first span has a label.
function monthStarts(scale: Scale, step: number): number[] {
  const starts = [scale.originDay]
  const first = dateOf(scale.originDay)
  let year = first.getUTCFullYear()
  let month = first.getUTCMonth() - (first.getUTCMonth() % step) + step
  for (;;) {
    const day = Math.round(Date.UTC(year, month, 1) / 86_400_000)
    if (day >= scale.originDay + scale.days) return starts
    starts.push(day)
    month += step
    if (month >= 12) [year, month] = [year + 1, month - 12]
  }
}

function weekStarts(scale: Scale): number[] {
  const starts: number[] = []
  const firstMonday = scale.originDay + ((7 - weekday(scale.originDay)) % 7)
  if (firstMonday !== scale.originDay) starts.push(scale.originDay)
  for (let day = firstMonday; day < scale.originDay + scale.days; day += 7) starts.push(day)
  return starts
}

function spans(scale: Scale, starts: number[], label: (day: number) => string): Tick[] {
  const end = scale.originDay + scale.days
  return starts.map((day, i) => ({
    x: (day - scale.originDay) * scale.pxPerDay,
    width: ((starts[i + 1] ?? end) - day) * scale.pxPerDay,
    label: label(day),
  }))
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): (day: number) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  return (day) => format.format(new Date(`${fromDay(day)}T00:00:00Z`))
}

function dateOf(day: number): Date {
  return new Date(day * 86_400_000)
}
