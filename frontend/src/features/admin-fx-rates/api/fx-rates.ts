import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { nextCursor, type Page } from '../../../lib/paging'

/** One period's rate of one currency into the reporting currency. */
export type FxRate = Schema<'FXRate'>

/** The list's filters; empty means all. */
export interface FxRateFilters {
  period?: string
  currency?: string
}

/** The cache key of the FX table; every rate change invalidates it. */
export const fxRatesQueryKey = ['fx-rates'] as const

const PAGE_SIZE = 50

/** `GET /fx-rates`, newest period first, one page at a time. */
export function useFxRates(filters: FxRateFilters) {
  return useInfiniteQuery({
    queryKey: [...fxRatesQueryKey, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<FxRate>>('/fx-rates', {
        signal,
        query: { limit: PAGE_SIZE, sort: '-period', cursor: pageParam, period: filters.period, currency: filters.currency },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}

function useRateMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: fxRatesQueryKey }) })
}

function ratePath(rate: FxRate): string {
  return `/fx-rates/${encodeURIComponent(rate.id)}`
}

/** `POST /fx-rates` `{period, currency, rate}`. */
export function useCreateFxRate() {
  return useRateMutation((input: { period: string; currency: string; rate: number }) => api.post<FxRate>('/fx-rates', input))
}

/** `PATCH /fx-rates/{id}` based on the rate's version. */
export function useUpdateFxRate() {
  return useRateMutation(({ rate, changes }: { rate: FxRate; changes: { period?: string; currency?: string; rate?: number } }) =>
    api.patch<FxRate>(ratePath(rate), changes, { ifMatch: rate.version }),
  )
}

/** `DELETE /fx-rates/{id}` based on the rate's version. */
export function useDeleteFxRate() {
  return useRateMutation((rate: FxRate) => api.delete(ratePath(rate), { ifMatch: rate.version }))
}

/** Fetches the FX table again, e.g. after a 412; resolves once it is in. */
export function useReloadFxRates() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: fxRatesQueryKey })
}
