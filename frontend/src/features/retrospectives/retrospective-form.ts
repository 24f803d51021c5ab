/**
 * The retrospective form as plain functions: empty and existing retrospectives as form values,
 * the request body they make, the checks made before sending, and where a server field error goes.
 */
import { isIsoDate } from './dates'
import type { ActionStatus, Outcome, Retrospective, RetrospectiveInput } from './api/types'

/** The milestone select's value for a retrospective held at no milestone. */
export const FREE_STANDING = 'free-standing'

/** One action item row; `key` tells rows apart while they are edited, `id` keeps a saved one. */
export interface ActionValues {
  key: string
  id?: string
  title: string
  owner_id: string | null
  due_on: string
  status: ActionStatus
}

/** What the retrospective form edits. */
export interface RetrospectiveValues {
  milestone_id: string
  held_on: string
  planned: string
  happened: string
  gap_cause: string
  next: string
  outcome: Outcome
  actions: ActionValues[]
}

let nextKey = 0

/** A blank action row. */
export function emptyAction(): ActionValues {
  nextKey += 1
  return { key: `new-${nextKey}`, title: '', owner_id: null, due_on: '', status: 'open' }
}

/** A new retrospective held today, at `milestoneId` when given. */
export function emptyValues(today: string, milestoneId?: string): RetrospectiveValues {
  return {
    milestone_id: milestoneId ?? FREE_STANDING,
    held_on: today,
    planned: '',
    happened: '',
    gap_cause: '',
    next: '',
    outcome: 'on_track',
    actions: [],
  }
}

/** The form values of a saved retrospective; its actions keep their ids. */
export function toValues(retrospective: Retrospective): RetrospectiveValues {
  return {
    milestone_id: retrospective.milestone_id ?? FREE_STANDING,
    held_on: retrospective.held_on,
    planned: retrospective.planned,
    happened: retrospective.happened,
    gap_cause: retrospective.gap_cause,
    next: retrospective.next,
    outcome: retrospective.outcome,
    actions: retrospective.actions.map((action) => ({
      key: action.id,
      id: action.id,
      title: action.title,
      owner_id: action.owner_id,
      due_on: action.due_on,
      status: action.status,
    })),
  }
}

/** The body of `POST` or `PUT`: every action in the order shown, so `actions[i]` errors find their row. */
export function toInput(values: RetrospectiveValues): RetrospectiveInput {
  return {
    milestone_id: values.milestone_id === FREE_STANDING ? null : values.milestone_id,
    held_on: values.held_on,
    planned: values.planned.trim(),
    happened: values.happened.trim(),
    gap_cause: values.gap_cause.trim(),
    next: values.next.trim(),
    outcome: values.outcome,
    actions: values.actions.map((action) => ({
      ...(action.id ? { id: action.id } : {}),
      title: action.title.trim(),
      owner_id: action.owner_id,
      due_on: action.due_on,
      status: action.status,
    })),
  }
}

/** Why the form cannot be sent, as `{form path: i18n key}`; empty when it can. */
export function validateRetrospective(values: RetrospectiveValues): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!isIsoDate(values.held_on)) errors.held_on = 'retrospectives.errors.date'
  if (!values.happened.trim()) errors.happened = 'errors.required'
  values.actions.forEach((action, i) => {
    if (!action.title.trim()) errors[`actions.${i}.title`] = 'errors.required'
    if (!isIsoDate(action.due_on)) errors[`actions.${i}.due_on`] = 'retrospectives.errors.date'
  })
  return errors
}

/**
 * The form path of a server field error: `actions[1].due_on` → `actions.1.due_on`. An unknown
 * action id (`actions[i].id`) has no input of its own, so it shows under that row's title.
 */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^actions\.(\d+)\.id$/, 'actions.$1.title')
}
