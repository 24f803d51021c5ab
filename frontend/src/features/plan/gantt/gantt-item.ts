import type { MilestoneStatus } from '../api/types'

/** One row of the Gantt chart: a milestone as the chart draws it. */
export interface GanttItem {
  id: string
  sequence: number
  /** The milestone's name in the UI language. */
  label: string
  start: string
  due: string
  status: MilestoneStatus
  gate: boolean
  dependsOn: string[]
  /** The compared baseline's dates, drawn faintly behind the bar; null without one. */
  ghost: { start: string; due: string } | null
  /** Calendar days late (positive) or early against the compared baseline. */
  slipDays: number | null
  /** False when the user may not move this milestone. */
  draggable: boolean
  /** The legal minimum intervals (their labels) this milestone's dates take part in breaking; usually none. */
  legalBreaks?: string[]
  /** On the critical path: the chain of dependencies that sets the close date. */
  critical?: boolean
  /** The assignee's name; null when nobody is assigned. */
  assignee?: string | null
}

/** Every date the chart must show: bars, ghosts, today and the target close (when given). */
export function chartDates(items: readonly GanttItem[], today: string, targetClose?: string | null): string[] {
  const dates = [today]
  if (targetClose) dates.push(targetClose)
  for (const item of items) {
    dates.push(item.start, item.due)
    if (item.ghost) dates.push(item.ghost.start, item.ghost.due)
  }
  return dates
}
