import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-client'

const MAX_RETRIES = 2

/**
 * Retries only what may pass on a second try: the server not reached, 429, or a 5xx.
 * A 4xx says the request itself is wrong, and asking again changes nothing.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (!(error instanceof ApiError)) return false
  return error.isNetworkError || error.status === 429 || error.status >= 500
}

/** Builds the app's TanStack Query client; tests pass `retry: false` to see failures at once. */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: options.retry ?? shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
