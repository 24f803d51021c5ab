import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { nextCursor } from '../../../lib/paging'

/** One fitted version of the confidence model with its report. */
export type ConfidenceModel = Schema<'ConfidenceModel'>

/** A page of versions and the version in force (0: the defaults). */
export type ConfidenceModelList = Schema<'ConfidenceModelList'>

/** The lead times a fit may take the closed deals' snapshots at. */
export const LEAD_DAYS = [90, 60, 30] as const

/** The cache key of the versions; every fit, adoption and revert invalidates it. */
export const confidenceModelsQueryKey = ['confidence-models'] as const

const PAGE_SIZE = 20

/** `GET /confidence/models`, newest first, a page at a time. */
export function useConfidenceModels() {
  return useInfiniteQuery({
    queryKey: confidenceModelsQueryKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<ConfidenceModelList>('/confidence/models', { signal, query: { limit: PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}

/** After the model in force changed, every deal's figures did too. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: confidenceModelsQueryKey })
    void queryClient.invalidateQueries({ queryKey: ['deals'] })
    void queryClient.invalidateQueries({ queryKey: ['board'] })
  }
}

/** `POST /confidence/models`: fit a new version at a lead time (never adopted by itself). */
export function useFitModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (leadDays: number) => api.post<ConfidenceModel>('/confidence/models', { lead_days: leadDays }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: confidenceModelsQueryKey }),
  })
}

/** `POST /confidence/models/{version}/adopt`, based on the version in force the page shows. */
export function useAdoptModel() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ version, inForce }: { version: number; inForce: number }) =>
      api.post<{ in_force: number }>(`/confidence/models/${version}/adopt`, undefined, { ifMatch: inForce }),
    onSuccess: refresh,
  })
}

/** `POST /confidence/models/revert` to the defaults or the version adopted before. */
export function useRevertModel() {
  const refresh = useRefreshAfterChange()
  return useMutation({
    mutationFn: ({ to, inForce }: { to: 'defaults' | 'previous'; inForce: number }) =>
      api.post<{ in_force: number }>('/confidence/models/revert', { to }, { ifMatch: inForce }),
    onSuccess: refresh,
  })
}
