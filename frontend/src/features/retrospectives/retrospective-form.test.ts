import { describe, expect, it } from 'vitest'
import { aRetrospective } from './review-fixtures'
import { emptyAction, emptyValues, formPath, FREE_STANDING, toInput, toValues, validateRetrospective } from './retrospective-form'

describe('retrospective form', () => {
  it.each([
    ['actions[1].due_on', 'actions.1.due_on'],
    ['actions[0].title', 'actions.0.title'],
    ['actions[2].id', 'actions.2.title'],
    ['happened', 'happened'],
  ])('puts the server field %s under %s', (field, path) => {
    expect(formPath(field)).toBe(path)
  })

  it('sends a free-standing retrospective with a null milestone and new actions without ids', () => {
    const values = { ...emptyValues('2026-04-02'), happened: ' Slipped ', actions: [{ ...emptyAction(), title: ' Call ', due_on: '2026-04-09' }] }
    expect(values.milestone_id).toBe(FREE_STANDING)
    expect(toInput(values)).toEqual({
      milestone_id: null, held_on: '2026-04-02', planned: '', happened: 'Slipped', gap_cause: '', next: '', outcome: 'on_track',
      actions: [{ title: 'Call', owner_id: null, due_on: '2026-04-09', status: 'open' }],
    })
  })

  it('keeps the ids and statuses of saved actions when replacing', () => {
    const input = toInput(toValues(aRetrospective()))
    expect(input.milestone_id).toBe('m-2')
    expect(input.actions?.map((a) => [a.id, a.status])).toEqual([['a-1', 'open'], ['a-2', 'open']])
  })

  it('asks for what happened, a held-on date, and each action’s title and due date', () => {
    const values = { ...emptyValues(''), actions: [emptyAction()] }
    expect(validateRetrospective(values)).toEqual({
      held_on: 'retrospectives.errors.date',
      happened: 'errors.required',
      'actions.0.title': 'errors.required',
      'actions.0.due_on': 'retrospectives.errors.date',
    })
  })
})
