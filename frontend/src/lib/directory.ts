/**
 * The people and teams a screen shows by name or offers in a picker: every user and every team,
 * fetched once and cached under the same keys the admin pages use, so their changes refresh these.
 */
import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from './api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from './paging'
import type { User } from './session'

/** A team in the tree, as `GET /teams` returns it. */
export type TeamEntry = Schema<'Team'>

/** `GET /users?limit=500`, following cursors: every user by name. */
export function listAllUsers(signal?: AbortSignal): Promise<User[]> {
  return fetchAllPages((cursor) => api.get<Page<User>>('/users', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } }))
}

/** Every user, for pickers and for showing people by name. */
export function useUserDirectory() {
  return useQuery({ queryKey: ['users', 'all'], queryFn: ({ signal }) => listAllUsers(signal) })
}

/** `GET /teams?limit=500&sort=name`, following cursors: the whole tree. */
export function listAllTeams(signal?: AbortSignal): Promise<TeamEntry[]> {
  return fetchAllPages((cursor) => api.get<Page<TeamEntry>>('/teams', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } }))
}

/** Every team, for pickers and for showing teams by name. */
export function useTeamDirectory() {
  return useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => listAllTeams(signal) })
}

/** A team's name in `language`: its Chinese name for zh readers when it has one. */
export function teamName(team: Pick<TeamEntry, 'name' | 'name_zh'>, language: string): string {
  return language.startsWith('zh') && team.name_zh?.trim() ? team.name_zh : team.name
}

/**
 * A team's name with its parents', e.g. "Government Business / North China" (in English) or
 * "政府业务部 / 华北区" (in Chinese, where the teams have Chinese names).
 */
export function teamPath(teams: readonly TeamEntry[], id: string, language = 'en'): string {
  const byId = new Map(teams.map((team) => [team.id, team]))
  const names: string[] = []
  // The bound stops a malformed tree with a cycle from looping forever.
  for (let team = byId.get(id); team && names.length < 32; team = team.parent_id ? byId.get(team.parent_id) : undefined) {
    names.unshift(teamName(team, language))
  }
  return names.join(' / ')
}

/** The teams `ids` and every team below them. */
export function withSubTeams(teams: readonly TeamEntry[], ids: readonly string[]): Set<string> {
  const out = new Set(ids)
  let grew = true
  while (grew) {
    grew = false
    for (const team of teams) {
      if (team.parent_id && out.has(team.parent_id) && !out.has(team.id)) {
        out.add(team.id)
        grew = true
      }
    }
  }
  return out
}
