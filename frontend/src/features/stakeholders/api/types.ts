/** The API's stakeholder shapes (tags contacts, stakeholders and risks of handlers/openapi.yaml). */

/** A person's part in the customer's decision, most decisive first. */
export type DecisionRole = 'decision_maker' | 'economic_buyer' | 'technical_evaluator' | 'user' | 'influencer' | 'gatekeeper' | 'coach'

/** Every decision role, in the order the UI offers them. */
export const DECISION_ROLES: readonly DecisionRole[] = ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'gatekeeper', 'coach']

/** Where a person stands on the deal, from most to least favourable. */
export type Stance = 'champion' | 'supporter' | 'neutral' | 'skeptic' | 'blocker'

/** Every stance, most favourable first (the power map's columns). */
export const STANCES: readonly Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker']

/** Influence and relationship strength run from 1 (least) to 5 (most). */
export const LEVELS = [5, 4, 3, 2, 1] as const

/** A person at a customer, shared by the customer's deals. */
export interface Contact {
  id: string
  customer_id: string
  name: string
  title: string
  department: string
  reports_to_id: string | null
  phone: string
  email: string
  version: number
}

/** A contact's part in one deal; `name` … `reports_to_id` are the contact's. Dates are `YYYY-MM-DD`. */
export interface Stakeholder {
  id: string
  deal_id: string
  contact_id: string
  name: string
  title: string
  department: string
  reports_to_id: string | null
  decision_role: DecisionRole
  influence: number
  stance: Stance
  relationship_strength: number
  owner_id: string | null
  last_contact_on: string | null
  next_step: string
  next_step_due: string | null
  notes: string
  /** Milestones of the deal this person can move, in plan order. */
  milestone_ids: string[]
  version: number
}

/** What `PATCH /stakeholders/{id}` may change; only the fields sent change. `note` goes to the history. */
export type StakeholderChanges = Partial<
  Pick<Stakeholder, 'decision_role' | 'influence' | 'stance' | 'relationship_strength' | 'owner_id' | 'next_step' | 'notes' | 'milestone_ids'> & {
    last_contact_on: string | null
    next_step_due: string | null
    note: string
  }
>

/** What `POST /deals/{id}/stakeholders` takes: an existing `contact_id`, or `name` (+ `title`) for a new contact. */
export type NewStakeholder = Pick<Stakeholder, 'decision_role' | 'influence' | 'stance'> &
  Partial<Pick<Stakeholder, 'owner_id' | 'milestone_ids'>> & { contact_id?: string; name?: string; title?: string }

/** One tracked field's value before and after a change. */
export interface FieldChange {
  from: string | number | null
  to: string | number | null
}

/** One recorded change of a stakeholder: who, when, what moved, and the note sent with it. */
export interface HistoryEntry {
  id: string
  at: string
  actor_id: string | null
  actor_name: string | null
  /** Keyed by field: `stance`, `influence`, `decision_role`, `owner_id`, `next_step`, `next_step_due`. */
  changes: Record<string, FieldChange>
  note: string
}

/** One reason a gate is at risk, and the decisive person behind it. */
export interface GateRisk {
  deal_id: string
  milestone_id: string
  gate_name: string
  due: string
  stakeholder_id: string
  stakeholder_name: string
  decision_role: DecisionRole
  stance: Stance
  last_contact_on: string | null
  reason: 'stance' | 'not_contacted'
  owner_id: string | null
}

/** A milestone as far as the stakeholder map needs it (names for the "can move" links). */
export interface MilestoneRef {
  id: string
  name: string
  name_zh: string
  sequence: number
  gate: boolean
}

/** A list answer of these endpoints (always one page). */
export interface ItemList<T> {
  items: T[]
  next_cursor: string | null
}
