import { useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { DEAL_STATUSES, SEGMENTS, type DealStatus, type Segment } from '../../lib/deals'
import { isPeriod } from '../../lib/periods'
import { DEAL_SORTS, type DealFilters, type DealSort } from './api/deals'

const DEFAULT_SORT: DealSort = 'target_close_date'
/**
 * The list opens on the live pipeline: open deals, unless the URL asks for a status or for all of
 * them (`?status=all`, what Status → All and Clear filters write). Won, lost and abandoned deals —
 * years of them in a long-used install — are one filter away.
 */
const DEFAULT_STATUS: DealStatus = 'open'
const ALL_STATUSES = 'all'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined
}

function uuid(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined
}

/** A whole percentage 0–100 from the URL; anything else is no filter. */
function percent(value: string | null): number | undefined {
  if (!value || !/^\d{1,3}$/.test(value)) return undefined
  const n = Number(value)
  return n <= 100 ? n : undefined
}

/**
 * Reads the list state from `?q=&segment=&team=&status=&period=&customer=&mine=1&min_confidence=&max_confidence=&sort=&cursor=`
 * (the confidence bounds in whole percent; no status is open deals, `status=all` every status);
 * anything unknown or malformed is ignored, so an edited or stale link still opens a list.
 */
export function parseDealFilters(params: URLSearchParams): DealFilters {
  const period = params.get('period')
  return {
    q: params.get('q')?.trim() ?? '',
    segment: oneOf<Segment>(SEGMENTS, params.get('segment')),
    team: uuid(params.get('team')),
    status: params.get('status') === ALL_STATUSES ? undefined : (oneOf<DealStatus>(DEAL_STATUSES, params.get('status')) ?? DEFAULT_STATUS),
    period: isPeriod(period) ? period : undefined,
    customer: uuid(params.get('customer')),
    mine: params.get('mine') === '1',
    minConfidence: percent(params.get('min_confidence')),
    maxConfidence: percent(params.get('max_confidence')),
    sort: oneOf(DEAL_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    cursor: params.get('cursor') || undefined,
  }
}

/** The query string for `filters`, leaving out defaults so links stay short. */
export function dealFiltersSearch(filters: DealFilters): URLSearchParams {
  const search = new URLSearchParams()
  if (filters.q) search.set('q', filters.q)
  if (filters.segment) search.set('segment', filters.segment)
  if (filters.team) search.set('team', filters.team)
  if (filters.status !== DEFAULT_STATUS) search.set('status', filters.status ?? ALL_STATUSES)
  if (filters.period) search.set('period', filters.period)
  if (filters.customer) search.set('customer', filters.customer)
  if (filters.mine) search.set('mine', '1')
  if (filters.minConfidence !== undefined) search.set('min_confidence', String(filters.minConfidence))
  if (filters.maxConfidence !== undefined) search.set('max_confidence', String(filters.maxConfidence))
  if (filters.sort !== DEFAULT_SORT) search.set('sort', filters.sort)
  if (filters.cursor) search.set('cursor', filters.cursor)
  return search
}

/** True when any filter or search narrows the list (the default open-deals filter included: clearing shows every deal). */
export function isFiltered(filters: DealFilters): boolean {
  return !!(
    filters.q || filters.segment || filters.team || filters.status || filters.period || filters.customer || filters.mine ||
    filters.minConfidence !== undefined || filters.maxConfidence !== undefined
  )
}

/** Cursors of the pages before this one (`''` = the first), kept in history state so Previous works after a reload. */
interface PagingState {
  trail?: string[]
}

/**
 * The deals list state, kept in the URL so reload, back and shared links work. A filter change
 * starts again at the first page (a cursor belongs to one filter set and order); Next and
 * Previous push history entries, so the browser's back button pages back too.
 */
export function useDealFilters() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const location = useLocation()
  const filters = parseDealFilters(params)
  const trail = (location.state as PagingState | null)?.trail ?? []
  // Two changes in quick succession (a debounced search landing just before a click) must not
  // build on the same old URL and lose the first; each builds on the last one asked for.
  // The URL moving on its own (back, forward, a link) resets it once the new URL is committed.
  const latest = useRef(filters)
  useLayoutEffect(() => {
    latest.current = parseDealFilters(params)
  }, [params])

  const go = (next: DealFilters, options: { replace?: boolean; trail?: string[] } = {}) => {
    latest.current = next
    const search = dealFiltersSearch(next).toString()
    void navigate({ search: search ? `?${search}` : '' }, { replace: options.replace, state: { trail: options.trail ?? [] } })
  }

  return {
    filters,
    /** Changes filters (search text replaces the history entry rather than adding one per word). */
    setFilters: (changes: Partial<Omit<DealFilters, 'cursor'>>) =>
      go({ ...latest.current, ...changes, cursor: undefined }, { replace: Object.keys(changes).every((key) => key === 'q') }),
    clearFilters: () => go({ q: '', mine: false, sort: filters.sort }),
    hasPrevious: trail.length > 0 || !!filters.cursor,
    next: (cursor: string) => go({ ...filters, cursor }, { trail: [...trail, filters.cursor ?? ''] }),
    previous: () => go({ ...filters, cursor: trail.at(-1) || undefined }, { trail: trail.slice(0, -1) }),
    /** Drops a cursor the server no longer accepts, keeping the filters. */
    dropCursor: () => go({ ...filters, cursor: undefined }, { replace: true }),
  }
}
