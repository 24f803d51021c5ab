/** The API's review shapes (tags retrospectives and gates of handlers/openapi.yaml). */

/** A retrospective's verdict on the deal. */
export type Outcome = 'on_track' | 'at_risk' | 'off_track'

/** Every outcome, from best to worst. */
export const OUTCOMES: readonly Outcome[] = ['on_track', 'at_risk', 'off_track']

/** Whether an action item is still to do. */
export type ActionStatus = 'open' | 'done'

/** A gate's verdict. */
export type Decision = 'go' | 'no_go'

/** An action item of a retrospective; `version` is what `PATCH /actions/{id}` is based on. */
export interface ActionItem {
  id: string
  title: string
  owner_id: string | null
  due_on: string
  status: ActionStatus
  version: number
  deal_id: string
  deal_name: string
  /** Open and due before today (the server's today). */
  overdue: boolean
}

/** A retrospective (复盘) held at a milestone or free-standing, with its actions soonest due first. */
export interface Retrospective {
  id: string
  deal_id: string
  milestone_id: string | null
  held_on: string
  planned: string
  happened: string
  gap_cause: string
  next: string
  outcome: Outcome
  created_by: string | null
  actions: ActionItem[]
  version: number
}

/** An action as sent with a retrospective; `id` keeps an existing one on `PUT`. */
export interface ActionItemInput {
  id?: string
  title: string
  owner_id: string | null
  due_on: string
  status?: ActionStatus
}

/** A whole retrospective, for `POST` (hold) and `PUT` (replace). */
export interface RetrospectiveInput {
  milestone_id: string | null
  held_on: string
  planned: string
  happened: string
  gap_cause: string
  next: string
  outcome: Outcome
  actions: ActionItemInput[]
}

/** A go / no-go recorded at a gate; not versioned. */
export interface GateDecision {
  id: string
  milestone_id: string
  decision: Decision
  decided_by: string | null
  decided_on: string
  rationale: string
  conditions: string
  created_at: string
}

/** The body of `POST /deals/{id}/gate-decisions`. */
export interface GateDecisionInput {
  milestone_id: string
  decision: Decision
  decided_on: string
  rationale: string
  conditions: string
  abandon_deal?: boolean
}

/** What this feature reads of a plan milestone: its name and whether it is a gate. */
export interface MilestoneRef {
  id: string
  name: string
  name_zh: string
  sequence: number
  gate: boolean
}
