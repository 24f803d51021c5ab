import { describe, expect, it } from 'vitest'
import { builtinTemplate } from './template-fixtures'
import { checkDraft, draftFromTemplate, markSigningStep, moveStep, placeErrors, removeStep, toTemplateInput, weightSummary } from './template-draft'

const steps = () => draftFromTemplate(builtinTemplate).steps
const names = (list: { name: string }[]) => list.map((step) => step.name)

describe('moveStep', () => {
  it('keeps dependencies on the same steps under their new indexes', () => {
    const result = moveStep(steps(), 2, 1) // Budget above Design
    if (!result.ok) throw new Error('move refused')
    expect(names(result.steps)).toEqual(['Kick-off', 'Budget', 'Design', 'Tender'])
    expect(result.steps.map((step) => step.depends_on)).toEqual([[], [], [0], [2]])
  })

  it('refuses a move that would make a step depend on a later one, naming both', () => {
    const up = moveStep(steps(), 3, 2) // Tender above Budget: fine; then above Design: not
    if (!up.ok) throw new Error('first move refused')
    const result = moveStep(up.steps, 2, 1)
    expect(result.ok).toBe(false)
    if (!result.ok) expect([result.step.name, result.blocker.name]).toEqual(['Tender', 'Design'])
  })

  it('refuses moving a step below one that depends on it', () => {
    const result = moveStep(steps(), 0, 1)
    expect(result.ok).toBe(false)
    if (!result.ok) expect([result.step.name, result.blocker.name]).toEqual(['Design', 'Kick-off'])
  })
})

describe('removeStep', () => {
  it('drops links to the removed step and shifts later ones', () => {
    const left = removeStep(steps(), 1)
    expect(names(left)).toEqual(['Kick-off', 'Budget', 'Tender'])
    expect(left.map((step) => step.depends_on)).toEqual([[], [], []])
    expect(removeStep(steps(), 2).map((step) => step.depends_on)).toEqual([[], [0], [1]])
  })
})

describe('weights and signing', () => {
  it('adds the weights up to and including the contract-signing step', () => {
    expect(weightSummary(steps())).toEqual({ signingIndex: 3, upToSigning: 100, total: 100 })
    expect(weightSummary(markSigningStep(steps(), 1))).toEqual({ signingIndex: 1, upToSigning: 40, total: 100 })
    expect(weightSummary(markSigningStep(steps(), null)).signingIndex).toBe(-1)
  })

  it('leaves one step keyed contract_signed and keeps other keys', () => {
    const marked = markSigningStep(steps(), 2)
    expect(marked.map((step) => step.key)).toEqual(['kick_off', undefined, 'contract_signed', undefined])
  })
})

describe('checking and sending', () => {
  it('reports empty names and durations below one by the API’s field paths', () => {
    const draft = draftFromTemplate(builtinTemplate)
    draft.name_zh = ' '
    draft.steps[1] = { ...draft.steps[1]!, name: '', duration_days: '' }
    expect(checkDraft(draft)).toEqual({ name_zh: 'required', 'milestones[1].name': 'required', 'milestones[1].duration_days': 'atLeastOne' })
  })

  it('sends the whole template back as it came', () => {
    const template = { ...builtinTemplate, confidence_params: { stale_contact_days: 45 } }
    const { name, name_zh, segment, milestones } = template
    const sent = toTemplateInput(draftFromTemplate(template))
    expect(sent).toEqual({ name, name_zh, segment, milestones: milestones.map((m) => ({ exit_criteria: '', exit_criteria_zh: '', ...m })), confidence_params: { stale_contact_days: 45 } })
  })

  it('puts step errors on the step now at that index and keeps the rest template-wide', () => {
    const list = steps()
    expect(placeErrors(list, { 'milestones[1].duration_days': 'too short', segment: 'bad', 'milestones[9].name': 'gone' })).toEqual({
      fields: { segment: 'bad', 'milestones[9].name': 'gone' },
      steps: { [list[1]!.uid]: { duration_days: 'too short' } },
    })
  })
})
