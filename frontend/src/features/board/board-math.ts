import type { BoardDistribution, BoardGate } from './api/board'

/** How many weeks the gate heatmap looks ahead, this one included. */
export const HEATMAP_WEEKS = 13

/** The most bars the distribution chart draws; finer distributions are merged into wider cells. */
export const MAX_BARS = 60

const DAY_MS = 24 * 60 * 60 * 1000

function parseDate(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number)
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** The Monday on or before a calendar date `YYYY-MM-DD`. */
export function mondayOf(iso: string): string {
  const ms = parseDate(iso)
  const weekday = (new Date(ms).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return isoDate(ms - weekday * DAY_MS)
}

/** The Mondays of the `count` weeks starting with the week of `today`. */
export function weeksFrom(today: string, count = HEATMAP_WEEKS): string[] {
  const first = parseDate(mondayOf(today))
  return Array.from({ length: count }, (_, i) => isoDate(first + i * 7 * DAY_MS))
}

/** The gates due in each of the weeks (Mondays) given; gates outside them are left out. */
export function gatesByWeek(gates: readonly BoardGate[], weeks: readonly string[]): BoardGate[][] {
  const cells: BoardGate[][] = weeks.map(() => [])
  if (weeks.length === 0) return cells
  const first = parseDate(weeks[0]!)
  for (const gate of gates) {
    const index = Math.floor((parseDate(gate.due) - first) / (7 * DAY_MS))
    if (index >= 0 && index < weeks.length) cells[index]!.push(gate)
  }
  return cells
}

/** One bar of the distribution chart: revenue in [from, to) has probability `mass`. */
export interface DistributionBar {
  fromMinor: number
  toMinor: number
  mass: number
}

/**
 * The distribution as at most `maxBars` bars: neighbouring cells are summed into wider ones,
 * and empty cells at both ends are dropped, so a fine lattice stays cheap to draw.
 */
export function distributionBars(distribution: BoardDistribution, maxBars = MAX_BARS): DistributionBar[] {
  const { mass, start_minor: start, unit_minor: unit } = distribution
  let first = 0
  let last = mass.length - 1
  while (first <= last && !(mass[first]! > 0)) first++
  while (last >= first && !(mass[last]! > 0)) last--
  if (first > last) return []
  const cells = last - first + 1
  const per = Math.ceil(cells / maxBars)
  const bars: DistributionBar[] = []
  for (let i = first; i <= last; i += per) {
    let sum = 0
    const end = Math.min(i + per, last + 1)
    for (let k = i; k < end; k++) sum += mass[k] ?? 0
    bars.push({ fromMinor: start + i * unit, toMinor: start + end * unit, mass: sum })
  }
  return bars
}

/** The index of the bar that holds `valueMinor`, clamped to the first or last bar; -1 without bars. */
export function barIndexOf(bars: readonly DistributionBar[], valueMinor: number): number {
  if (bars.length === 0) return -1
  if (valueMinor < bars[0]!.fromMinor) return 0
  const index = bars.findIndex((bar) => valueMinor >= bar.fromMinor && valueMinor < bar.toMinor)
  return index === -1 ? bars.length - 1 : index
}
