import { describe, expect, it } from 'vitest'
import { sameTeam, toMembers, toPeople } from './team-draft'

describe('deal team draft', () => {
  it('groups the roles of one person, in PMO, business, solution order', () => {
    const people = toPeople([
      { user_id: 'a', role: 'solution' },
      { user_id: 'b', role: 'business' },
      { user_id: 'a', role: 'pmo' },
      { user_id: 'a', role: 'pmo' },
    ])
    expect(people).toEqual([
      { user_id: 'a', roles: ['pmo', 'solution'] },
      { user_id: 'b', roles: ['business'] },
    ])
  })

  it('flattens people back to one member per role', () => {
    expect(toMembers([{ user_id: 'a', roles: ['solution', 'pmo'] }, { user_id: 'b', roles: [] }])).toEqual([
      { user_id: 'a', role: 'pmo' },
      { user_id: 'a', role: 'solution' },
    ])
  })

  it('compares teams regardless of order', () => {
    expect(sameTeam([{ user_id: 'a', role: 'pmo' }, { user_id: 'b', role: 'business' }], [{ user_id: 'b', role: 'business' }, { user_id: 'a', role: 'pmo' }])).toBe(true)
    expect(sameTeam([{ user_id: 'a', role: 'pmo' }], [{ user_id: 'a', role: 'business' }])).toBe(false)
  })
})
