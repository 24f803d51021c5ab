import { useInfiniteQuery, useQueries } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { dealActivityQueryKey } from '../../../lib/deals'
import { nextCursor, type Page } from '../../../lib/paging'

/** One change to a deal: who, when, what (`subject.verb`) and the thing before and after. */
export type Activity = Schema<'Activity'>

/** What an entry records (`subject.verb`); handlers/openapi.yaml lists every one the server writes. */
export type ActivityAction = Schema<'ActivityAction'>

const PAGE_SIZE = 30

/** Days (YYYY-MM-DD, both included) the trail is bounded to; "what changed" links with them. */
export interface ActivityRange {
  from?: string
  to?: string
}

/** The deal's activity, newest first, a page at a time ("Load more" fetches the next), within `range` when given. */
export function useDealActivity(dealId: string, range: ActivityRange = {}) {
  return useInfiniteQuery({
    queryKey: [...dealActivityQueryKey(dealId), range.from ?? null, range.to ?? null],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Activity>>(`/deals/${encodeURIComponent(dealId)}/activity`, {
        signal,
        query: { limit: PAGE_SIZE, sort: '-at', cursor: pageParam, from: range.from, to: range.to },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}

/** Names of the customers `ids` (from changed `customer_id`s), by id; unknown ones are left out. */
export function useCustomerNames(ids: string[]): Map<string, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['customers', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ id: string; name: string }>(`/customers/${encodeURIComponent(id)}`, { signal }),
      staleTime: 5 * 60_000,
    })),
  })
  const names = new Map<string, string>()
  results.forEach((result, i) => {
    if (result.data) names.set(ids[i]!, result.data.name)
  })
  return names
}
