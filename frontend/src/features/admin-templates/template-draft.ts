/**
 * The template being edited, as plain values and pure functions over them: steps carry a
 * client-side `uid` so inputs and errors follow a row when it moves, and `depends_on` always
 * holds indexes of earlier steps, as the API requires.
 */
import { DEAL_ROLES, type DealRole, type Segment } from '../../lib/deals'
import type { TemplateContent, TemplateInput, TemplateMilestone } from './api/templates'

/** The step key of contract signing: weights up to and including it add up to the ladder's top. */
export const CONTRACT_SIGNED_KEY = 'contract_signed'

/** Where the stage-to-probability ladder ends: 100 at contract signing. */
export const LADDER_TOP = 100

/** One step being edited; a number input left empty holds `''` until it is filled in. */
export interface DraftStep {
  uid: string
  key?: string
  name: string
  name_zh: string
  owner_role: DealRole
  weight: number | ''
  gate: boolean
  duration_days: number | ''
  depends_on: number[]
  exit_criteria: string
  exit_criteria_zh: string
}

/** The whole template being edited. */
export interface TemplateDraft {
  name: string
  name_zh: string
  segment: Segment
  steps: DraftStep[]
  /** The confidence model's parameters this template overrides, by name; the rest keep their defaults. */
  params: Record<string, number>
}

let lastUid = 0
function newUid(): string {
  lastUid += 1
  return `step-${lastUid}`
}

/** A new, empty step (owned by the PMO, lasting five working days). */
export function blankStep(): DraftStep {
  return { uid: newUid(), name: '', name_zh: '', owner_role: DEAL_ROLES[0]!, weight: 0, gate: false, duration_days: 5, depends_on: [], exit_criteria: '', exit_criteria_zh: '' }
}

/** A new template: no names yet and one blank step. */
export function emptyDraft(): TemplateDraft {
  return { name: '', name_zh: '', segment: 'g2b', steps: [blankStep()], params: {} }
}

/** The draft of a stored template (or of a copy of one). */
export function draftFromTemplate(template: TemplateContent): TemplateDraft {
  return {
    name: template.name,
    name_zh: template.name_zh,
    segment: template.segment,
    steps: template.milestones.map((m) => ({ ...m, uid: newUid(), depends_on: [...m.depends_on], exit_criteria: m.exit_criteria ?? '', exit_criteria_zh: m.exit_criteria_zh ?? '' })),
    params: { ...(template.confidence_params ?? {}) },
  }
}

/** A template's content renamed as its copy; both names are data, so each keeps its own language. */
export function copyOf<T extends Pick<TemplateInput, 'name' | 'name_zh'>>(template: T): T {
  return { ...template, name: `${template.name} (copy)`, name_zh: `${template.name_zh}（副本）` }
}

/** The request body for the draft: the whole template, names trimmed, with only the overridden parameters. */
export function toTemplateInput(draft: TemplateDraft): TemplateInput {
  return {
    name: draft.name.trim(),
    name_zh: draft.name_zh.trim(),
    segment: draft.segment,
    milestones: draft.steps.map((step): TemplateMilestone => ({
      ...(step.key ? { key: step.key } : {}),
      name: step.name.trim(),
      name_zh: step.name_zh.trim(),
      owner_role: step.owner_role,
      weight: step.weight === '' ? 0 : step.weight,
      gate: step.gate,
      duration_days: step.duration_days === '' ? 0 : step.duration_days,
      depends_on: step.depends_on,
      exit_criteria: step.exit_criteria.trim(),
      exit_criteria_zh: step.exit_criteria_zh.trim(),
    })),
    confidence_params: { ...draft.params },
  }
}

/** A move's outcome: the re-indexed steps, or the dependency that forbids it. */
export type MoveResult = { ok: true; steps: DraftStep[] } | { ok: false; step: DraftStep; blocker: DraftStep }

/**
 * Moves the step at `from` to `to`. Dependencies keep pointing at the same steps under their new
 * indexes; a move that would leave a step depending on a later one is refused, naming both.
 */
export function moveStep(steps: DraftStep[], from: number, to: number): MoveResult {
  const order = steps.map((_, index) => index)
  const [moved] = order.splice(from, 1)
  order.splice(to, 0, moved!)
  const newIndex = new Map(order.map((old, index) => [old, index]))
  const next = order.map((old) => ({
    ...steps[old]!,
    depends_on: steps[old]!.depends_on.map((dep) => newIndex.get(dep)!).sort((a, b) => a - b),
  }))
  for (const [index, step] of next.entries()) {
    const later = step.depends_on.find((dep) => dep >= index)
    if (later !== undefined) return { ok: false, step, blocker: next[later]! }
  }
  return { ok: true, steps: next }
}

/** Removes the step at `index`; links to it go, links to later steps shift down by one. */
export function removeStep(steps: DraftStep[], index: number): DraftStep[] {
  return steps
    .filter((_, i) => i !== index)
    .map((step) => ({ ...step, depends_on: step.depends_on.filter((dep) => dep !== index).map((dep) => (dep > index ? dep - 1 : dep)) }))
}

/** Marks the step at `index` (or none) as contract signing; no other step keeps that key. */
export function markSigningStep(steps: DraftStep[], index: number | null): DraftStep[] {
  return steps.map((step, i) => {
    if (i === index) return { ...step, key: CONTRACT_SIGNED_KEY }
    if (step.key !== CONTRACT_SIGNED_KEY) return step
    const { key: _dropped, ...rest } = step
    return rest
  })
}

/** The weight ladder: the signing step's index (-1 when none), weight up to it, and in all. */
export function weightSummary(steps: DraftStep[]): { signingIndex: number; upToSigning: number; total: number } {
  const signingIndex = steps.findIndex((step) => step.key === CONTRACT_SIGNED_KEY)
  const weights = steps.map((step) => (step.weight === '' ? 0 : step.weight))
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0)
  return { signingIndex, upToSigning: sum(weights.slice(0, signingIndex + 1)), total: sum(weights) }
}

/** What the form checks before sending, keyed by the API's field paths. */
export type DraftProblem = 'required' | 'atLeastOne' | 'atLeastZero'

/** The problems the server would report anyway, found before a round trip. */
export function checkDraft(draft: TemplateDraft): Record<string, DraftProblem> {
  const problems: Record<string, DraftProblem> = {}
  if (!draft.name.trim()) problems.name = 'required'
  if (!draft.name_zh.trim()) problems.name_zh = 'required'
  draft.steps.forEach((step, i) => {
    if (!step.name.trim()) problems[`milestones[${i}].name`] = 'required'
    if (step.duration_days === '' || step.duration_days < 1) problems[`milestones[${i}].duration_days`] = 'atLeastOne'
    if (step.weight !== '' && step.weight < 0) problems[`milestones[${i}].weight`] = 'atLeastZero'
  })
  return problems
}

/** Field errors placed where they show: the template's own fields, and each step's by uid. */
export interface DraftErrors {
  fields: Record<string, string>
  steps: Record<string, Record<string, string>>
}

/** No errors at all. */
export const NO_ERRORS: DraftErrors = { fields: {}, steps: {} }

/** Sorts `milestones[i].field` messages onto the step now at index i; the rest stay template-wide. */
export function placeErrors(steps: DraftStep[], fields: Record<string, string>): DraftErrors {
  const placed: DraftErrors = { fields: {}, steps: {} }
  for (const [path, message] of Object.entries(fields)) {
    const match = /^milestones\[(\d+)\]\.(\w+)/.exec(path)
    const step = match ? steps[Number(match[1])] : undefined
    if (step) placed.steps[step.uid] = { ...placed.steps[step.uid], [match![2]!]: message }
    else placed.fields[path] = message
  }
  return placed
}

/** A template or step name in the UI's language, falling back to the other one. */
export function localName(item: { name: string; name_zh: string }, language: string): string {
  return (language.startsWith('zh') ? item.name_zh || item.name : item.name || item.name_zh).trim()
}
