/** The API's stakeholder shapes (tags contacts, stakeholders and risks of handlers/openapi.yaml). */
import type { RequestBody, Schema } from '../../../lib/api-client'

/** A person's part in the customer's decision, most decisive first. */
export type DecisionRole = Schema<'DecisionRole'>

/** Every decision role, in the order the UI offers them. */
export const DECISION_ROLES: readonly DecisionRole[] = ['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'gatekeeper', 'coach']

/** Where a person stands on the deal, from most to least favourable. */
export type Stance = Schema<'Stance'>

/** Every stance, most favourable first (the power map's columns). */
export const STANCES: readonly Stance[] = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker']

/** Influence and relationship strength run from 1 (least) to 5 (most). */
export const LEVELS = [5, 4, 3, 2, 1] as const

/** A person at a customer, shared by the customer's deals. */
export type Contact = Schema<'Contact'>

/** A contact's part in one deal; `name` … `reports_to_id` are the contact's. Dates are `YYYY-MM-DD`. */
export type Stakeholder = Schema<'Stakeholder'>

/** What `PATCH /stakeholders/{id}` may change; only the fields sent change. `note` goes to the history. */
export type StakeholderChanges = RequestBody<'/stakeholders/{id}', 'patch'>

/** What `POST /deals/{id}/stakeholders` takes: an existing `contact_id`, or `name` (+ `title`) for a new contact. */
export type NewStakeholder = RequestBody<'/deals/{id}/stakeholders', 'post'>

/** One tracked field's value before and after a change. */
export type FieldChange = HistoryEntry['changes'][string]

/** One recorded change of a stakeholder: who, when, what moved, and the note sent with it. */
export type HistoryEntry = Schema<'StakeholderHistoryEntry'>

/** One reason a gate is at risk, and the decisive person behind it. */
export type GateRisk = Schema<'GateRisk'>

/** A milestone as far as the stakeholder map needs it (names for the "can move" links). */
export type MilestoneRef = Pick<Schema<'Milestone'>, 'id' | 'name' | 'name_zh' | 'sequence' | 'gate'>

/** A list answer of these endpoints (always one page). */
export interface ItemList<T> {
  items: T[]
  next_cursor: string | null
}
