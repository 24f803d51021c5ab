import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

/** A revenue target of one period for the company (`team_id` null) or one team. */
export type Target = Schema<'Target'>

/** One node of the target tree: own target (top-down), child teams' sum (bottom-up), gap. */
export type TargetTreeNode = Schema<'TargetTreeNode'>

/** The period's target tree, company first. */
export type TargetTree = Schema<'TargetTree'>

/** The cache key of everything about targets; every target change invalidates it. */
export const targetsQueryKey = ['targets'] as const

/** `GET /targets/tree?period=`; without a period the server picks the current fiscal quarter. */
export function useTargetTree(period: string | undefined) {
  return useQuery({
    queryKey: [...targetsQueryKey, 'tree', period ?? null],
    queryFn: ({ signal }) => api.get<TargetTree>('/targets/tree', { signal, query: { period } }),
  })
}

/**
 * Every target of one period (the tree has no target ids or versions, which changing or
 * clearing one needs), keyed by team id, the company under `COMPANY`.
 */
export function usePeriodTargets(period: string | undefined) {
  return useQuery({
    queryKey: [...targetsQueryKey, 'list', period ?? null],
    enabled: !!period,
    queryFn: async ({ signal }) => {
      const targets = await fetchAllPages((cursor) =>
        api.get<Page<Target>>('/targets', { signal, query: { period, limit: WHOLE_LIST_PAGE_SIZE, cursor } }),
      )
      return new Map(targets.map((target) => [target.team_id ?? COMPANY, target]))
    },
  })
}

/** The key of the company's target in `usePeriodTargets`. */
export const COMPANY = 'company'

function useTargetMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: targetsQueryKey }) })
}

function targetPath(target: Target): string {
  return `/targets/${encodeURIComponent(target.id)}`
}

/** `POST /targets` `{period, team_id, amount_minor}`; the currency defaults to the reporting one. */
export function useCreateTarget() {
  return useTargetMutation((input: { period: string; team_id: string | null; amount_minor: number }) => api.post<Target>('/targets', input))
}

/** `PATCH /targets/{id}` `{amount_minor}` based on the target's version. */
export function useUpdateTarget() {
  return useTargetMutation(({ target, amount_minor }: { target: Target; amount_minor: number }) =>
    api.patch<Target>(targetPath(target), { amount_minor }, { ifMatch: target.version }),
  )
}

/** `DELETE /targets/{id}` based on the target's version. */
export function useDeleteTarget() {
  return useTargetMutation((target: Target) => api.delete(targetPath(target), { ifMatch: target.version }))
}

/** Fetches the tree and the targets again, e.g. after a 412; resolves once they are in. */
export function useReloadTargets() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: targetsQueryKey })
}
