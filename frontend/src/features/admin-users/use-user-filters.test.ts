import { describe, expect, it } from 'vitest'
import { parseUserFilters } from './use-user-filters'

describe('parseUserFilters', () => {
  it('reads search, status and order', () => {
    expect(parseUserFilters(new URLSearchParams('q=li&active=false&sort=-created_at'))).toEqual({
      q: 'li',
      active: false,
      sort: '-created_at',
    })
  })

  it('falls back to everyone by name for values it does not know', () => {
    expect(parseUserFilters(new URLSearchParams('active=maybe&sort=password'))).toEqual({
      q: '',
      active: undefined,
      sort: 'name',
    })
  })
})
