/** The API's review shapes (tags retrospectives and gates of handlers/openapi.yaml). */
import type { RequestBody, Schema } from '../../../lib/api-client'

/** A retrospective's verdict on the deal. */
export type Outcome = Schema<'Outcome'>

/** Every outcome, from best to worst. */
export const OUTCOMES: readonly Outcome[] = ['on_track', 'at_risk', 'off_track']

/** Whether an action item is still to do. */
export type ActionStatus = Schema<'ActionStatus'>

/** A gate's verdict. */
export type Decision = Schema<'Decision'>

/** An action item of a retrospective; `version` is what `PATCH /actions/{id}` is based on. */
export type ActionItem = Schema<'ActionItem'>

/** A retrospective (复盘) held at a milestone or free-standing, with its actions soonest due first. */
export type Retrospective = Schema<'Retrospective'>

/** An action as sent with a retrospective; `id` keeps an existing one on `PUT`. */
export type ActionItemInput = Schema<'ActionItemInput'>

/** A whole retrospective, for `POST` (hold) and `PUT` (replace). */
export type RetrospectiveInput = Schema<'RetrospectiveInput'>

/** A go / no-go recorded at a gate; not versioned. */
export type GateDecision = Schema<'GateDecision'>

/** The body of `POST /deals/{id}/gate-decisions`. */
export type GateDecisionInput = RequestBody<'/deals/{id}/gate-decisions', 'post'>

/** What this feature reads of a plan milestone: its name and whether it is a gate. */
export type MilestoneRef = Pick<Schema<'Milestone'>, 'id' | 'name' | 'name_zh' | 'sequence' | 'gate'>

/** One item of My actions: an open action (`kind` `action`) or a stakeholder's next step the user owns (`next_step`). */
export type MyAction = Schema<'MyAction'>
