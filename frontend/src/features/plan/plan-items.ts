/** Turning the plan into what the views draw, as plain functions. */
import type { Baseline, Milestone } from './api/types'
import { daysBetween } from './gantt/calendar'
import type { GanttItem } from './gantt/gantt-item'

/** Dates shown for a milestone instead of its saved ones while a reschedule is being decided. */
export interface PendingDates {
  id: string
  start: string
  due: string
}

/**
 * The Gantt rows of a plan. Ghosts and slip come from `compared`: for the committed baseline the
 * server's `baseline_due` / `slip_days`, for another one the difference to its dates. `critical`
 * and the assignee's name come from the milestone (`assigneeName`).
 */
export function ganttItems(args: {
  milestones: readonly Milestone[]
  compared: Baseline | null
  comparingCommitted: boolean
  pending: PendingDates | null
  canMove: (milestone: Milestone) => boolean
  nameOf: (milestone: Milestone) => string
  /** The broken legal rules' labels by milestone id (`legalBreaksByMilestone`). */
  legalBreaks?: ReadonlyMap<string, string[]>
  /** The name of a user by id, for the assignee; undefined while unknown. */
  assigneeName?: (userId: string) => string | undefined
}): GanttItem[] {
  const frozen = new Map(args.compared?.milestones.map((m) => [m.milestone_id, m]) ?? [])
  return args.milestones.map((m) => {
    const then = frozen.get(m.id)
    const dates = args.pending?.id === m.id ? args.pending : { start: m.planned_start, due: m.planned_due }
    const ghostDue = args.comparingCommitted ? m.baseline_due ?? then?.planned_due : then?.planned_due
    return {
      id: m.id,
      sequence: m.sequence,
      label: args.nameOf(m),
      start: dates.start,
      due: dates.due,
      status: m.status,
      gate: m.gate,
      dependsOn: m.depends_on,
      ghost: then && ghostDue ? { start: then.planned_start, due: ghostDue } : null,
      slipDays: args.comparingCommitted ? m.slip_days : then ? daysBetween(then.planned_due, m.planned_due) : null,
      draggable: args.canMove(m),
      legalBreaks: args.legalBreaks?.get(m.id) ?? [],
      critical: m.critical,
      assignee: m.assignee_id ? args.assigneeName?.(m.assignee_id) ?? null : null,
    }
  })
}

/** The plan's ids with the one at `index` moved `delta` places (clamped to the ends). */
export function moveId(ids: readonly string[], index: number, delta: number): string[] {
  const next = [...ids]
  const target = Math.min(Math.max(index + delta, 0), ids.length - 1)
  const [moved] = next.splice(index, 1)
  if (moved !== undefined) next.splice(target, 0, moved)
  return next
}

/** The labels of the broken legal rules each milestone takes part in, by milestone id. */
export function legalBreaksByMilestone(checks: readonly { label: string; milestone_ids: string[] }[]): Map<string, string[]> {
  const byId = new Map<string, string[]>()
  for (const check of checks) {
    for (const id of check.milestone_ids) byId.set(id, [...(byId.get(id) ?? []), check.label])
  }
  return byId
}
