import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import type { BoardQuery } from './board'

/** `GET /boards/confidence/trend`: the scope's stored roll-ups over the weeks of the period. */
export type ConfidenceTrend = Schema<'ConfidenceTrend'>
export type ConfidenceTrendPoint = Schema<'ConfidenceTrendPoint'>

/** The trend for the board's query (its period, team and basis). */
export function useConfidenceTrend(query: BoardQuery) {
  return useQuery({
    queryKey: ['boards', 'confidence', 'trend', query.period ?? null, query.teamId ?? null, query.basis ?? null],
    queryFn: ({ signal }) =>
      api.get<ConfidenceTrend>('/boards/confidence/trend', { signal, query: { period: query.period, team_id: query.teamId, basis: query.basis } }),
  })
}
