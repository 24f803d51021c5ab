/** The API's plan shapes (tags plan and baselines of handlers/openapi.yaml). */
import type { RequestBody, Schema } from '../../../lib/api-client'

/** A deal role, and the role that owns a milestone. */
export type OwnerRole = Schema<'OwnerRole'>

/** Every owner role, in the order the UI offers them. */
export const OWNER_ROLES: readonly OwnerRole[] = ['pmo', 'business', 'solution']

/** Where a milestone stands. */
export type MilestoneStatus = Schema<'MilestoneStatus'>

/** Every status, in the order the UI offers them. */
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['planned', 'in_progress', 'done', 'blocked', 'skipped']

/** One step of a deal's plan; dates are calendar dates `YYYY-MM-DD`. */
export type Milestone = Schema<'Milestone'>

/** What `PATCH /milestones/{id}` may change; only the fields sent change. */
export type MilestoneChanges = RequestBody<'/milestones/{id}', 'patch'>

/** What `POST /deals/{id}/milestones` takes. */
export type NewMilestone = RequestBody<'/deals/{id}/milestones', 'post'>

/** One milestone's dates before and after a reschedule. */
export type Move = Schema<'Move'>

/** One milestone's dates frozen in a baseline. */
export type BaselineMilestone = Schema<'BaselineMilestone'>

/** The plan's dates frozen at one moment. */
export type Baseline = Schema<'Baseline'>

/** A list answer of the plan endpoints (always one page). */
export interface ItemList<T> {
  items: T[]
  next_cursor: string | null
}

/** One legal minimum interval of public procurement that the plan's dates break (`GET /deals/{id}/plan/checks`). */
export type PlanCheck = Schema<'PlanCheck'>
