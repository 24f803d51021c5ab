import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

/** A team; `parent_id` null for a top-level team. */
export type Team = Schema<'Team'>

/** The cache key of all teams; every team change invalidates it. */
export const teamsQueryKey = ['teams'] as const

/** `GET /teams?limit=500&sort=name`, following cursors: every team (the tree needs them all). */
export function listTeams(signal?: AbortSignal): Promise<Team[]> {
  return fetchAllPages((cursor) => api.get<Page<Team>>('/teams', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } }))
}

/** All teams, for building the tree. */
export function useTeams() {
  return useQuery({ queryKey: teamsQueryKey, queryFn: ({ signal }) => listTeams(signal) })
}
