import type { DecisionRole, Stance, Stakeholder, StakeholderChanges } from './api/types'

/** What the person drawer edits; levels are strings for the selects, dates `YYYY-MM-DD` or ''. */
export interface PersonValues {
  decision_role: DecisionRole
  influence: string
  stance: Stance
  relationship_strength: string
  owner_id: string | null
  last_contact_on: string
  next_step: string
  next_step_due: string
  notes: string
  milestone_ids: string[]
  /** Why it changed; kept with the history entry. */
  note: string
}

/** The fields of `PersonValues` that mirror the stakeholder (all but the note). */
const FIELDS = ['decision_role', 'influence', 'stance', 'relationship_strength', 'owner_id', 'last_contact_on', 'next_step', 'next_step_due', 'notes', 'milestone_ids'] as const

/** A stakeholder as form values, with an empty note. */
export function toValues(person: Stakeholder): PersonValues {
  return {
    decision_role: person.decision_role,
    influence: String(person.influence),
    stance: person.stance,
    relationship_strength: String(person.relationship_strength),
    owner_id: person.owner_id,
    last_contact_on: person.last_contact_on ?? '',
    next_step: person.next_step,
    next_step_due: person.next_step_due ?? '',
    notes: person.notes,
    milestone_ids: [...person.milestone_ids],
    note: '',
  }
}

function same(a: PersonValues[keyof PersonValues], b: PersonValues[keyof PersonValues]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join() === [...b].sort().join() : a === b
}

/**
 * The PATCH body for what changed from `base`, plus the note when one was typed. A date
 * emptied is sent as null, which clears it.
 */
export function changesFrom(base: PersonValues, values: PersonValues): StakeholderChanges {
  const out: StakeholderChanges = {}
  for (const field of FIELDS) {
    if (same(base[field], values[field])) continue
    if (field === 'influence' || field === 'relationship_strength') out[field] = Number(values[field])
    else if (field === 'last_contact_on' || field === 'next_step_due') {
      out[field] = values[field] || null
    } else Object.assign(out, { [field]: values[field] })
  }
  if (values.note.trim()) out.note = values.note.trim()
  return out
}

/**
 * After a 412: their version with what the user changed on top. A field the user left as it
 * was takes their value; one the user changed keeps the typed value.
 */
export function mergeTyped(base: PersonValues, theirs: PersonValues, typed: PersonValues): PersonValues {
  const merged: PersonValues = { ...theirs, note: typed.note }
  for (const field of FIELDS) if (!same(base[field], typed[field])) Object.assign(merged, { [field]: typed[field] })
  return merged
}

/** True when the stance is being changed, which needs a note. */
export function needsNote(base: PersonValues, values: PersonValues): boolean {
  return base.stance !== values.stance && values.note.trim() === ''
}
