import { describe, expect, it } from 'vitest'
import { dealFiltersSearch, parseDealFilters } from './use-deal-filters'

const TEAM = '3f2b1c9e-8d7a-4b6c-9e5f-1a2b3c4d5e6f'

describe('parseDealFilters', () => {
  it('reads every filter, the order and the cursor', () => {
    const params = new URLSearchParams(`q=rail&segment=g2b&team=${TEAM}&status=won&period=2026-Q4&customer=${TEAM}&mine=1&sort=-amount_minor&cursor=abc`)
    expect(parseDealFilters(params)).toEqual({
      q: 'rail',
      segment: 'g2b',
      team: TEAM,
      status: 'won',
      period: '2026-Q4',
      customer: TEAM,
      mine: true,
      sort: '-amount_minor',
      cursor: 'abc',
    })
  })

  it('ignores values it does not know', () => {
    const params = new URLSearchParams('segment=retail&team=42&status=maybe&period=2026-Q5&customer=x&mine=yes&sort=password')
    expect(parseDealFilters(params)).toEqual({
      q: '',
      segment: undefined,
      team: undefined,
      status: 'open',
      period: undefined,
      customer: undefined,
      mine: false,
      sort: 'target_close_date',
      cursor: undefined,
    })
  })

  it('opens on open deals; status=all is every status', () => {
    expect(parseDealFilters(new URLSearchParams('')).status).toBe('open')
    expect(parseDealFilters(new URLSearchParams('status=all')).status).toBeUndefined()
    expect(parseDealFilters(new URLSearchParams('status=lost')).status).toBe('lost')
  })

  it('accepts a month as the period', () => {
    expect(parseDealFilters(new URLSearchParams('period=2026-11')).period).toBe('2026-11')
  })

  it('writes back what it reads, leaving out defaults', () => {
    const search = 'q=rail&segment=key_account&period=2027-01&mine=1&sort=-name'
    expect(dealFiltersSearch(parseDealFilters(new URLSearchParams(search))).toString()).toBe(search)
    expect(dealFiltersSearch(parseDealFilters(new URLSearchParams(''))).toString()).toBe('')
    expect(dealFiltersSearch(parseDealFilters(new URLSearchParams('status=open'))).toString()).toBe('')
    expect(dealFiltersSearch(parseDealFilters(new URLSearchParams('status=all&q=rail'))).toString()).toBe('q=rail&status=all')
    expect(dealFiltersSearch(parseDealFilters(new URLSearchParams('status=won'))).toString()).toBe('status=won')
  })
})
