import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import type { BoardQuery } from '../api/board'

/** `GET /boards/confidence/changes`: what changed in the board's scope and period since a snapshot. */
export type BoardChanges = Schema<'BoardChanges'>
export type BoardChange = Schema<'BoardChange'>
export type BoardChangeCategory = Schema<'BoardChangeCategory'>

/** One page of the deals that moved, largest effect first. */
export const CHANGES_PAGE_SIZE = 20

/**
 * What changed since `from` (undefined: the server's default, last Monday) for the board's
 * query, one page of the deals from `cursor` on; asked only while `enabled` (the panel is open).
 */
export function useBoardChanges(query: BoardQuery, from: string | undefined, cursor: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['boards', 'confidence', 'changes', query.period ?? null, query.teamId ?? null, query.basis ?? null, from ?? null, cursor ?? null],
    queryFn: ({ signal }) =>
      api.get<BoardChanges>('/boards/confidence/changes', {
        signal,
        query: { period: query.period, team_id: query.teamId, basis: query.basis, from, limit: CHANGES_PAGE_SIZE, cursor },
      }),
    placeholderData: keepPreviousData,
    enabled,
  })
}
