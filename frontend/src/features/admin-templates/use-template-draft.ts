import { useState } from 'react'
import {
  blankStep,
  markSigningStep,
  moveStep,
  NO_ERRORS,
  placeErrors,
  removeStep,
  type DraftErrors,
  type DraftStep,
  type TemplateDraft,
} from './template-draft'

/** A refused move: the step that was to move and the earlier step it depends on, by uid. */
export interface BlockedMove {
  step: string
  blocker: string
}

type TemplateField = 'name' | 'name_zh' | 'segment'

/** Drops one field's message once the user changes that field. */
function without(messages: Record<string, string> | undefined, fields: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(messages ?? {}).filter(([field]) => !fields.includes(field)))
}

/**
 * The editor's state: the draft, the field errors shown on it (each step's follow the step when
 * it moves), and the last refused move. Every change goes through the pure functions of
 * `template-draft`.
 */
export function useTemplateDraft(initial: () => TemplateDraft) {
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS)
  const [blocked, setBlocked] = useState<BlockedMove | null>(null)

  const mapSteps = (change: (steps: DraftStep[]) => DraftStep[]) => setDraft((current) => ({ ...current, steps: change(current.steps) }))

  return {
    draft,
    errors,
    blocked,
    dismissBlocked: () => setBlocked(null),
    /** Shows messages keyed by the API's field paths (a 422's `fields`, or the form's own check). */
    showErrors: (fields: Record<string, string>) => setErrors(placeErrors(draft.steps, fields)),
    setField: <F extends TemplateField>(field: F, value: TemplateDraft[F]) => {
      setDraft((current) => ({ ...current, [field]: value }))
      setErrors((current) => ({ ...current, fields: without(current.fields, [field]) }))
    },
    updateStep: (uid: string, patch: Partial<Omit<DraftStep, 'uid'>>) => {
      mapSteps((steps) => steps.map((step) => (step.uid === uid ? { ...step, ...patch } : step)))
      setErrors((current) => ({ ...current, steps: { ...current.steps, [uid]: without(current.steps[uid], Object.keys(patch)) } }))
    },
    addStep: () => mapSteps((steps) => [...steps, blankStep()]),
    removeStep: (index: number) => {
      mapSteps((steps) => removeStep(steps, index))
      setBlocked(null)
    },
    /** Moves a step one place up (-1) or down (+1), unless a dependency forbids it. */
    moveStep: (index: number, delta: -1 | 1) => {
      const result = moveStep(draft.steps, index, index + delta)
      if (result.ok) mapSteps(() => result.steps)
      setBlocked(result.ok ? null : { step: result.step.uid, blocker: result.blocker.uid })
    },
    markSigningStep: (index: number | null) => mapSteps((steps) => markSigningStep(steps, index)),
    /** Overrides a confidence parameter, or (undefined) goes back to its default. */
    setParam: (name: string, value: number | undefined) => {
      setDraft((current) => {
        const { [name]: _old, ...rest } = current.params
        return { ...current, params: value === undefined ? rest : { ...rest, [name]: value } }
      })
      setErrors((current) => ({ ...current, fields: without(current.fields, [`confidence_params.${name}`]) }))
    },
  }
}

/** What `useTemplateDraft` returns, for the components that edit through it. */
export type TemplateDraftState = ReturnType<typeof useTemplateDraft>
