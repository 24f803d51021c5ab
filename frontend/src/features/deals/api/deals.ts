import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { dealListsQueryKey, dealQueryKey, type Deal, type DealStatus, type Segment } from '../../../lib/deals'
import type { Page } from '../../../lib/paging'

/** The orders `GET /deals` accepts; a leading minus sorts descending. */
export const DEAL_SORTS = [
  'target_close_date',
  '-target_close_date',
  'name',
  '-name',
  'amount_minor',
  '-amount_minor',
  'created_at',
  '-created_at',
  'confidence',
  '-confidence',
] as const

/** One of `DEAL_SORTS`. */
export type DealSort = (typeof DEAL_SORTS)[number]

/** The list's filters, search, order and page, as kept in the URL. */
export interface DealFilters {
  q: string
  segment?: Segment
  /** A team; the server includes its sub-teams. */
  team?: string
  status?: DealStatus
  /** `2026-Q4` or `2026-11`. */
  period?: string
  customer?: string
  /** Only deals where the signed-in user holds a deal role. */
  mine: boolean
  /** Only deals whose confidence for the list's period is at least this many percent (0–100). */
  minConfidence?: number
  /** … at most this many percent (0–100). */
  maxConfidence?: number
  sort: DealSort
  /** Where the page starts: a `next_cursor` of the previous page; absent on the first. */
  cursor?: string
}

/** How many deals a page shows. */
export const DEAL_PAGE_SIZE = 20

/** The `GET /deals` query for `filters`; `me` is the signed-in user, for "my deals". */
export function dealListQuery(filters: DealFilters, me: string) {
  return {
    limit: DEAL_PAGE_SIZE,
    sort: filters.sort,
    cursor: filters.cursor,
    q: filters.q || undefined,
    segment: filters.segment,
    team_id: filters.team,
    status: filters.status,
    period: filters.period,
    customer_id: filters.customer,
    member_id: filters.mine ? me : undefined,
    confidence_min: filters.minConfidence === undefined ? undefined : filters.minConfidence / 100,
    confidence_max: filters.maxConfidence === undefined ? undefined : filters.maxConfidence / 100,
  }
}

/** One page of deals; the previous page stays on screen while the next loads. */
export function useDeals(filters: DealFilters, me: string) {
  const query = dealListQuery(filters, me)
  return useQuery({
    queryKey: [...dealListsQueryKey, query],
    queryFn: ({ signal }) => api.get<Page<Deal>>('/deals', { signal, query }),
    placeholderData: keepPreviousData,
  })
}

/** The filters of `query` alone: what `GET /deals/summary` takes (no page, no order). */
export function summaryQuery(query: ReturnType<typeof dealListQuery>) {
  const { limit: _limit, sort: _sort, cursor: _cursor, ...filters } = query
  return filters
}

/** What `GET /deals/summary` answers: how many deals match, and their amounts per currency. */
export type DealsSummary = Schema<'DealsSummary'>

/**
 * `GET /deals/summary` for the list's filters: asked once per change of filters (paging and
 * sorting keep the cached answer), so the list's own pages stay one request each.
 */
export function useDealsSummary(filters: DealFilters, me: string) {
  const query = summaryQuery(dealListQuery(filters, me))
  return useQuery({
    queryKey: [...dealListsQueryKey, 'summary', query],
    queryFn: ({ signal }) => api.get<DealsSummary>('/deals/summary', { signal, query }),
    placeholderData: keepPreviousData,
  })
}

/** `GET /deals/{id}`: the deal with its slippage and the caller's permissions; 404 when hidden. */
export function getDeal(id: string, signal?: AbortSignal): Promise<Deal> {
  return api.get<Deal>(`/deals/${encodeURIComponent(id)}`, { signal })
}

/** One deal, for the workspace. */
export function useDeal(id: string) {
  return useQuery({ queryKey: dealQueryKey(id), queryFn: ({ signal }) => getDeal(id, signal) })
}
