import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import type { Page } from '../../../lib/paging'

/** An API token as listed; the secret itself is never sent again after creation. */
export type ApiToken = Schema<'Token'>

/** The answer to creating a token: the only time `token` is ever shown. */
export type CreatedToken = Schema<'CreatedToken'>

/** The cache key of the signed-in user's tokens. */
export const tokensQueryKey = ['me', 'tokens'] as const

/** `GET /me/tokens`. */
export function listTokens(signal?: AbortSignal): Promise<Page<ApiToken>> {
  return api.get<Page<ApiToken>>('/me/tokens', { signal })
}

/** The signed-in user's tokens. */
export function useTokens() {
  return useQuery({ queryKey: tokensQueryKey, queryFn: ({ signal }) => listTokens(signal) })
}

/** `POST /me/tokens` `{"name"}`. */
export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => api.post<CreatedToken>('/me/tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  })
}

/** `DELETE /me/tokens/{id}`: the token stops working at once. */
export function useRevokeToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  })
}
