import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from './api-client'
import { dealConfidenceQueryKey } from './deals'

/** `GET /deals/{id}/confidence`: the figures for one period, explained factor by factor. */
export type Confidence = Schema<'Confidence'>

/** One reason `p_win` differs from `base`, in signed probability points. */
export type ConfidenceFactor = Schema<'ConfidenceFactor'>

/** One remark on why `p_in_period` is what it is. */
export type TimingNote = Schema<'TimingNote'>

/**
 * The deal's confidence for `period` (`2026-Q4`, `2026-11`); without one the server answers for
 * the current fiscal quarter and names it in `period`. Refreshed whenever the deal is.
 */
export function useDealConfidence(dealId: string, period?: string) {
  return useQuery({
    queryKey: dealConfidenceQueryKey(dealId, period),
    queryFn: ({ signal }) =>
      api.get<Confidence>(`/deals/${encodeURIComponent(dealId)}/confidence`, { signal, query: { period } }),
  })
}
