import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import type { Page } from '../../../lib/paging'
import { usersQueryKey } from './users'

/** One of a user's API tokens as an admin sees it; never the secret. */
export type UserToken = Schema<'Token'>

/** The cache key of one user's tokens. */
export function userTokensQueryKey(userId: string) {
  return [...usersQueryKey, 'tokens', userId] as const
}

/** `GET /users/{id}/tokens`: all of them in one page, newest first. */
export function listUserTokens(userId: string, signal?: AbortSignal): Promise<Page<UserToken>> {
  return api.get<Page<UserToken>>(`/users/${encodeURIComponent(userId)}/tokens`, { signal })
}

/** A user's tokens (needs `users:write`). */
export function useUserTokens(userId: string) {
  return useQuery({ queryKey: userTokensQueryKey(userId), queryFn: ({ signal }) => listUserTokens(userId, signal) })
}

/** `DELETE /users/{id}/tokens/{token_id}`: the token stops working at once; the list is refetched. */
export function useRevokeUserToken(userId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.delete(`/users/${encodeURIComponent(userId)}/tokens/${encodeURIComponent(tokenId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userTokensQueryKey(userId) }),
  })
}
