import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { dealQueryKey } from '../../../lib/deals'

/** `GET /deals/{id}/confidence/history`: the deal's daily snapshots for a period, and each move. */
export type ConfidenceHistory = Schema<'ConfidenceHistory'>

/** One move between two snapshots: the factors that changed most and the activity in between. */
export type ConfidenceHistoryMove = Schema<'ConfidenceHistoryMove'>

/** The deal's confidence over time for `period` (the current fiscal quarter when undefined). */
export function useConfidenceHistory(dealId: string, period?: string) {
  return useQuery({
    // Under the deal's key: whatever refreshes the deal refreshes its history.
    queryKey: [...dealQueryKey(dealId), 'confidence-history', period ?? 'current'] as const,
    queryFn: ({ signal }) =>
      api.get<ConfidenceHistory>(`/deals/${encodeURIComponent(dealId)}/confidence/history`, { signal, query: { period } }),
  })
}
