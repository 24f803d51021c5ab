/**
 * The Gantt chart's geometry as plain functions: where a date falls on the x axis, where a
 * milestone's bar, baseline ghost and gate diamond sit, how a dependency arrow is routed, and
 * how a drag in pixels becomes whole days. The chart component only draws what these return.
 */
import { addDays, daysBetween, toDay, weekday } from './calendar'

/** How much time the chart shows per screen: days, weeks or months readable. */
export type Zoom = 'week' | 'month' | 'quarter'

/** Every zoom level, closest first. */
export const ZOOMS: readonly Zoom[] = ['week', 'month', 'quarter']

/** Horizontal pixels per calendar day at each zoom. */
export const PX_PER_DAY: Record<Zoom, number> = { week: 24, month: 7, quarter: 2.5 }

/** Height of one milestone row, of a bar inside it, and of the time axis above the rows. */
export const ROW_HEIGHT = 34
export const BAR_HEIGHT = 16
export const HEADER_HEIGHT = 44

/** Days of empty chart before the earliest and after the latest date, per zoom. */
const PADDING: Record<Zoom, { before: number; after: number }> = {
  week: { before: 7, after: 14 },
  month: { before: 14, after: 30 },
  quarter: { before: 30, after: 60 },
}

/** Maps days to pixels: day `originDay` starts at x = 0. */
export interface Scale {
  originDay: number
  pxPerDay: number
  /** Days the chart spans, and its width in pixels. */
  days: number
  width: number
}

/** A rectangle in chart coordinates. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A point in chart coordinates. */
export interface Point {
  x: number
  y: number
}

/**
 * The scale covering every date given (bar ends are inclusive) with some room around them,
 * starting on a Monday at week zoom and on the first of a month otherwise, so the axis
 * begins on a boundary.
 */
export function makeScale(dates: readonly string[], zoom: Zoom): Scale {
  const days = dates.map(toDay)
  const first = days.length ? Math.min(...days) : 0
  const last = days.length ? Math.max(...days) : 0
  const pad = PADDING[zoom]
  let originDay = first - pad.before
  if (zoom === 'week') originDay -= weekday(originDay)
  else originDay = firstOfMonth(originDay)
  const span = last + 1 + pad.after - originDay
  const pxPerDay = PX_PER_DAY[zoom]
  return { originDay, pxPerDay, days: span, width: span * pxPerDay }
}

/** The x where the day `iso` begins. */
export function dateToX(scale: Scale, iso: string): number {
  return (toDay(iso) - scale.originDay) * scale.pxPerDay
}

/** The x where the day `iso` ends (the next day begins): bars include their due date. */
export function dayEndX(scale: Scale, iso: string): number {
  return dateToX(scale, iso) + scale.pxPerDay
}

/** A horizontal drag of `dx` pixels as whole days, rounded to the nearest day. */
export function snapDays(dx: number, pxPerDay: number): number {
  const days = Math.round(dx / pxPerDay)
  return days === 0 ? 0 : days // no -0
}

/** What dragging a bar does to its dates. */
export type DragMode = 'move' | 'end'

/**
 * The dates after dragging by `deltaDays`: moving shifts both; dragging the right edge moves
 * only the due date and never before the start.
 */
export function dragDates(start: string, due: string, deltaDays: number, mode: DragMode): { start: string; due: string } {
  if (mode === 'move') return { start: addDays(start, deltaDays), due: addDays(due, deltaDays) }
  return { start, due: addDays(due, Math.max(deltaDays, -daysBetween(start, due))) }
}

/** The top of row `row` (0-based), below the axis. */
export function rowTop(row: number): number {
  return HEADER_HEIGHT + row * ROW_HEIGHT
}

/** The bar of a milestone planned `start`–`due` (inclusive) in row `row`; at least a day wide. */
export function barGeometry(scale: Scale, row: number, start: string, due: string): Rect {
  const days = Math.max(1, daysBetween(start, due) + 1)
  return { x: dateToX(scale, start), y: rowTop(row) + (ROW_HEIGHT - BAR_HEIGHT) / 2, width: days * scale.pxPerDay, height: BAR_HEIGHT }
}

/** The baseline's ghost of a bar: same span rules, nudged down so both stay visible. */
export function ghostGeometry(scale: Scale, row: number, start: string, due: string): Rect {
  const bar = barGeometry(scale, row, start, due)
  return { ...bar, y: bar.y + 6, height: BAR_HEIGHT - 4 }
}

/** The gate diamond's corners, centred on the end of the due day. */
export function diamondPoints(scale: Scale, row: number, due: string, size = 7): string {
  const x = dayEndX(scale, due)
  const y = rowTop(row) + ROW_HEIGHT / 2
  return `${x},${y - size} ${x + size},${y} ${x},${y + size} ${x - size},${y}`
}

/** How far the arrow runs out of a bar's end before it turns. */
const ELBOW = 8

/**
 * A finish-to-start arrow from the end of `from` to the start of `to`, with right-angle
 * elbows. When the dependent starts too close (or before) the dependency's end, the arrow
 * drops to the boundary of the dependent's row and comes back to enter it from the left.
 */
export function arrowPath(from: Rect, to: Rect): { d: string; start: Point; end: Point } {
  const start = { x: from.x + from.width, y: from.y + from.height / 2 }
  const end = { x: to.x, y: to.y + to.height / 2 }
  if (end.x - start.x >= 2 * ELBOW) {
    const turn = start.x + ELBOW
    return { d: `M${start.x},${start.y} H${turn} V${end.y} H${end.x}`, start, end }
  }
  const between = end.y >= start.y ? end.y - ROW_HEIGHT / 2 : end.y + ROW_HEIGHT / 2
  const d = `M${start.x},${start.y} H${start.x + ELBOW} V${between} H${end.x - ELBOW} V${end.y} H${end.x}`
  return { d, start, end }
}

function firstOfMonth(day: number): number {
  const date = new Date(day * 86_400_000)
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000)
}
