/**
 * The milestone form's values and rules as plain functions: a milestone as form values, the
 * PATCH body of what the user changed, and the checks made before sending it.
 */
import { isIsoDate } from './gantt/calendar'
import type { Milestone, MilestoneChanges, MilestoneStatus, OwnerRole } from './api/types'

/** What the milestone form edits; numbers stay as typed until sent. */
export interface MilestoneValues {
  name: string
  name_zh: string
  owner_role: OwnerRole
  /** The assignee's user id; '' for nobody. */
  assignee_id: string
  weight: number | string
  gate: boolean
  planned_start: string
  planned_due: string
  exit_criteria: string
  exit_criteria_zh: string
  depends_on: string[]
  status: MilestoneStatus
  status_reason: string
  completed_on: string
}

/** A field of the form. */
export type MilestoneField = keyof MilestoneValues

/** The form's fields in the order they are shown (and compared after a conflict). */
export const MILESTONE_FIELDS: readonly MilestoneField[] = [
  'name', 'name_zh', 'owner_role', 'assignee_id', 'weight', 'gate', 'planned_start', 'planned_due',
  'exit_criteria', 'exit_criteria_zh', 'depends_on', 'status', 'status_reason', 'completed_on',
]

/** The form values of `milestone`; `completed_on` defaults to today for a later "done". */
export function toValues(milestone: Milestone, today: string): MilestoneValues {
  return {
    name: milestone.name,
    name_zh: milestone.name_zh,
    owner_role: milestone.owner_role,
    assignee_id: milestone.assignee_id ?? '',
    weight: milestone.weight,
    gate: milestone.gate,
    planned_start: milestone.planned_start,
    planned_due: milestone.planned_due,
    exit_criteria: milestone.exit_criteria,
    exit_criteria_zh: milestone.exit_criteria_zh,
    depends_on: [...milestone.depends_on],
    status: milestone.status,
    status_reason: milestone.status_reason,
    completed_on: milestone.completed_on ?? today,
  }
}

/** True when two values of a field are the same (dependencies in any order). */
export function sameValue(a: MilestoneValues[MilestoneField], b: MilestoneValues[MilestoneField]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() === [...b].sort().join()
  return String(a).trim() === String(b).trim()
}

/**
 * The PATCH body for what `values` changed against `base`. A status change carries its
 * reason (blocked) or completion date (done); so does a changed reason or date on its own,
 * since the API only reads them together with `status`.
 */
export function changesFrom(base: MilestoneValues, values: MilestoneValues): MilestoneChanges {
  const changes: MilestoneChanges = {}
  const changed = (field: MilestoneField) => !sameValue(base[field], values[field])
  if (changed('name')) changes.name = values.name.trim()
  if (changed('name_zh')) changes.name_zh = values.name_zh.trim()
  if (changed('owner_role')) changes.owner_role = values.owner_role
  if (changed('assignee_id')) changes.assignee_id = values.assignee_id || null
  if (changed('weight')) changes.weight = Number(values.weight)
  if (changed('gate')) changes.gate = values.gate
  if (changed('planned_start')) changes.planned_start = values.planned_start
  if (changed('planned_due')) changes.planned_due = values.planned_due
  if (changed('exit_criteria')) changes.exit_criteria = values.exit_criteria.trim()
  if (changed('exit_criteria_zh')) changes.exit_criteria_zh = values.exit_criteria_zh.trim()
  if (changed('depends_on')) changes.depends_on = [...values.depends_on]
  const statusDetail =
    (values.status === 'blocked' && changed('status_reason')) || (values.status === 'done' && changed('completed_on'))
  if (changed('status') || statusDetail) {
    changes.status = values.status
    if (values.status === 'blocked') changes.status_reason = values.status_reason.trim()
    if (values.status === 'done') changes.completed_on = values.completed_on
  }
  return changes
}

/** Splits a change into its dates (which go through a reschedule preview) and the rest. */
export function splitDates(changes: MilestoneChanges): { dates: boolean; rest: MilestoneChanges } {
  const { planned_start, planned_due, ...rest } = changes
  return { dates: planned_start !== undefined || planned_due !== undefined, rest }
}

/** Why a form cannot be sent, as `{field: i18n key}`; empty when it can. */
export function validateMilestone(values: MilestoneValues, today: string): Partial<Record<MilestoneField, string>> {
  const errors: Partial<Record<MilestoneField, string>> = {}
  if (!values.name.trim()) errors.name = 'errors.required'
  if (values.weight === '' || !Number.isInteger(Number(values.weight)) || Number(values.weight) < 0 || Number(values.weight) > 1000) {
    errors.weight = 'plan.errors.weight'
  }
  if (!isIsoDate(values.planned_start)) errors.planned_start = 'plan.errors.date'
  if (!isIsoDate(values.planned_due)) errors.planned_due = 'plan.errors.date'
  else if (isIsoDate(values.planned_start) && values.planned_due < values.planned_start) errors.planned_due = 'plan.errors.dueBeforeStart'
  if (values.status === 'blocked' && !values.status_reason.trim()) errors.status_reason = 'plan.errors.reasonRequired'
  if (values.status === 'done') {
    if (!isIsoDate(values.completed_on)) errors.completed_on = 'plan.errors.date'
    else if (values.completed_on > today) errors.completed_on = 'plan.errors.completedInFuture'
  }
  return errors
}

/**
 * After a conflict, "use mine": every field the user changed from `base` keeps what they
 * typed, every other field takes `theirs`, so their unrelated changes are not undone.
 */
export function mergeMine(base: MilestoneValues, theirs: MilestoneValues, typed: MilestoneValues): MilestoneValues {
  const merged = { ...theirs }
  for (const field of MILESTONE_FIELDS) {
    if (!sameValue(base[field], typed[field])) (merged as Record<MilestoneField, unknown>)[field] = typed[field]
  }
  return merged
}
