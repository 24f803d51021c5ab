/** The API's plan shapes (tags plan and baselines of handlers/openapi.yaml). */

/** A deal role, and the role that owns a milestone. */
export type OwnerRole = 'pmo' | 'business' | 'solution'

/** Every owner role, in the order the UI offers them. */
export const OWNER_ROLES: readonly OwnerRole[] = ['pmo', 'business', 'solution']

/** Where a milestone stands. */
export type MilestoneStatus = 'planned' | 'in_progress' | 'done' | 'blocked' | 'skipped'

/** Every status, in the order the UI offers them. */
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['planned', 'in_progress', 'done', 'blocked', 'skipped']

/** One step of a deal's plan; dates are calendar dates `YYYY-MM-DD`. */
export interface Milestone {
  id: string
  deal_id: string
  name: string
  name_zh: string
  key: string
  sequence: number
  owner_role: OwnerRole
  assignee_id: string | null
  weight: number
  gate: boolean
  planned_start: string
  planned_due: string
  /** `planned_due` in the latest baseline; null without one. */
  baseline_due: string | null
  /** Calendar days `planned_due` lies after `baseline_due` (negative is ahead). */
  slip_days: number | null
  status: MilestoneStatus
  status_reason: string
  completed_on: string | null
  exit_criteria: string
  depends_on: string[]
  version: number
}

/** What `PATCH /milestones/{id}` may change; only the fields sent change. */
export type MilestoneChanges = Partial<
  Pick<
    Milestone,
    'name' | 'name_zh' | 'owner_role' | 'weight' | 'gate' | 'planned_start' | 'planned_due' | 'exit_criteria' | 'depends_on' | 'status' | 'status_reason'
  > & { completed_on: string }
>

/** What `POST /deals/{id}/milestones` takes. */
export type NewMilestone = Pick<Milestone, 'name' | 'owner_role' | 'planned_start' | 'planned_due'> &
  Partial<Pick<Milestone, 'name_zh' | 'weight' | 'gate' | 'exit_criteria' | 'depends_on'>>

/** One milestone's dates before and after a reschedule. */
export interface Move {
  milestone_id: string
  name: string
  from_start: string
  from_due: string
  to_start: string
  to_due: string
  /** Calendar days from `from_due` to `to_due`. */
  shift_days: number
  version: number
  /** Whether the caller may move this milestone; a reschedule with any move not allowed is refused (403). */
  allowed: boolean
}

/** One milestone's dates frozen in a baseline. */
export interface BaselineMilestone {
  milestone_id: string
  planned_start: string
  planned_due: string
}

/** The plan's dates frozen at one moment. */
export interface Baseline {
  id: string
  name: string
  reason: string
  taken_at: string
  taken_by: string | null
  milestones: BaselineMilestone[]
}

/** A list answer of the plan endpoints (always one page). */
export interface ItemList<T> {
  items: T[]
  next_cursor: string | null
}
