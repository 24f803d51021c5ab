import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'

/** `GET /api/v1/meta`: what the server says about itself. */
export type Meta = Schema<'Meta'>

/** The cache key for the server metadata; reuse it to invalidate or prefetch. */
export const metaQueryKey = ['meta'] as const

/** Fetches the server metadata. */
export function getMeta(signal?: AbortSignal): Promise<Meta> {
  return api.get<Meta>('/meta', { signal })
}

/** The server metadata as a TanStack Query result. */
export function useMeta() {
  return useQuery({ queryKey: metaQueryKey, queryFn: ({ signal }) => getMeta(signal) })
}
