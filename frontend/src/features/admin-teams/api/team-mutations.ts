import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestBody } from '../../../lib/api-client'
import { teamsQueryKey, type Team } from './teams'

/** What `PATCH /teams/{id}` may change; moving under one's own descendant is a 422 on `parent_id`. */
export type TeamChanges = RequestBody<'/teams/{id}', 'patch'>

function teamPath(team: Team, rest = ''): string {
  return `/teams/${encodeURIComponent(team.id)}${rest}`
}

/** Every team change refreshes the whole tree, since one move can reshape it. */
function useTeamMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: teamsQueryKey }) })
}

/** `POST /teams` `{"name","parent_id"?}`. */
export function useCreateTeam() {
  return useTeamMutation((team: { name: string; parent_id: string | null }) => api.post<Team>('/teams', team))
}

/** `PATCH /teams/{id}` based on the team's version: rename and/or move. */
export function useUpdateTeam() {
  return useTeamMutation(({ team, changes }: { team: Team; changes: TeamChanges }) =>
    api.patch<Team>(teamPath(team), changes, { ifMatch: team.version }),
  )
}

/** `DELETE /teams/{id}`: 409 while it still has sub-teams or deals. */
export function useDeleteTeam() {
  return useTeamMutation((team: Team) => api.delete(teamPath(team), { ifMatch: team.version }))
}

/** `PUT /teams/{id}/members`: replaces the member list. */
export function useSetMembers() {
  return useTeamMutation(({ team, userIds }: { team: Team; userIds: string[] }) =>
    api.put<Team>(teamPath(team, '/members'), { user_ids: userIds }, { ifMatch: team.version }),
  )
}

/** Fetches the teams again, e.g. after a 412, so the next change is based on the current versions. */
export function useReloadTeams() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: teamsQueryKey })
}
