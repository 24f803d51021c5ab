import { describe, expect, it } from 'vitest'
import { fieldChanges, movesOf, teamChanges, textOf } from './changes'

describe('activity changes', () => {
  it('lists only the fields that differ, arrays compared by value', () => {
    const before = { name: 'Tender', planned_due: '2026-12-01', status: 'planned', depends_on: ['a'] }
    const after = { name: 'Tender', planned_due: '2026-12-15', status: 'done', depends_on: ['a'], completed_on: '2026-12-14' }
    expect(fieldChanges(before, after)).toEqual([
      { field: 'planned_due', before: '2026-12-01', after: '2026-12-15' },
      { field: 'status', before: 'planned', after: 'done' },
      { field: 'completed_on', before: undefined, after: '2026-12-14' },
    ])
  })

  it('has no field changes when a side is missing or not an object', () => {
    expect(fieldChanges(null, { name: 'x' })).toEqual([])
    expect(fieldChanges(['a'], ['b'])).toEqual([])
  })

  it('tells who joined and who left the deal team', () => {
    const before = [{ user_id: 'u1', role: 'pmo' }, { user_id: 'u2', role: 'business' }]
    const after = [{ user_id: 'u1', role: 'pmo' }, { user_id: 'u3', role: 'solution' }]
    expect(teamChanges(before, after)).toEqual({ added: [{ user_id: 'u3', role: 'solution' }], removed: [{ user_id: 'u2', role: 'business' }] })
  })

  it('reads team snapshots recorded with the server’s Go field names too', () => {
    expect(teamChanges([], [{ UserID: 'u1', Role: 'pmo' }])).toEqual({ added: [{ user_id: 'u1', role: 'pmo' }], removed: [] })
  })

  it('reads reschedule moves and snapshot names', () => {
    expect(movesOf([{ milestone_id: 'm', name: 'Award', from_due: '2026-11-02', to_due: '2026-11-09' }, 'junk'])).toEqual([
      { milestone_id: 'm', name: 'Award', from_due: '2026-11-02', to_due: '2026-11-09' },
    ])
    expect(textOf({ name: 'Award' }, 'name')).toBe('Award')
    expect(textOf(null, 'name')).toBe('')
  })
})
