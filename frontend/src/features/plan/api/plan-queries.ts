import { useQuery, type QueryClient } from '@tanstack/react-query'
import { api, send } from '../../../lib/api-client'
import { dealListsQueryKey, dealQueryKey } from '../../../lib/deals'
import type { Baseline, ItemList, Milestone, Move, PlanCheck } from './types'

/**
 * Cache keys of a deal's plan. They sit under the deal's own key (`dealQueryKey`), so
 * refreshing the deal (as the workspace does after a change) refreshes the plan too.
 */
export const planKeys = {
  milestones: (dealId: string) => [...dealQueryKey(dealId), 'milestones'] as const,
  baselines: (dealId: string) => [...dealQueryKey(dealId), 'baselines'] as const,
  checks: (dealId: string) => [...dealQueryKey(dealId), 'plan-checks'] as const,
}

/** `GET /deals/{id}/plan/checks`: the legal minimum intervals the plan breaks (empty outside G2B plans). */
export function usePlanChecks(dealId: string) {
  return useQuery({
    queryKey: planKeys.checks(dealId),
    queryFn: async ({ signal }) => (await api.get<ItemList<PlanCheck>>(`/deals/${encodeURIComponent(dealId)}/plan/checks`, { signal })).items,
  })
}

/** `GET /deals/{id}/milestones`: the whole plan in order. */
export function useMilestones(dealId: string) {
  return useQuery({
    queryKey: planKeys.milestones(dealId),
    queryFn: async ({ signal }) =>
      (await api.get<ItemList<Milestone>>(`/deals/${encodeURIComponent(dealId)}/milestones`, { signal })).items,
  })
}

/** `GET /deals/{id}/baselines`: every baseline, newest first. */
export function useBaselines(dealId: string) {
  return useQuery({
    queryKey: planKeys.baselines(dealId),
    queryFn: async ({ signal }) =>
      (await api.get<ItemList<Baseline>>(`/deals/${encodeURIComponent(dealId)}/baselines`, { signal })).items,
  })
}

/** `GET /milestones/{id}`: one milestone as it is now, e.g. to show what someone else changed. */
export async function getMilestone(id: string): Promise<Milestone> {
  return (await send<Milestone>(`/milestones/${encodeURIComponent(id)}`)).data
}

/** `POST /milestones/{id}/reschedule/preview`: what giving a milestone these dates would move. */
export function useReschedulePreview(milestoneId: string, dates: { planned_start: string; planned_due: string }) {
  return useQuery({
    // Not under the deal's key: a preview is never refreshed by plan changes, only asked anew.
    queryKey: ['plan-reschedule-preview', milestoneId, dates.planned_start, dates.planned_due],
    queryFn: async ({ signal }) =>
      (await api.post<{ moves: Move[] }>(`/milestones/${encodeURIComponent(milestoneId)}/reschedule/preview`, dates, { signal })).moves,
    gcTime: 0,
    staleTime: 0,
  })
}

/**
 * Refreshes everything a plan change touches: the deal (its header shows slippage) with the
 * plan, baselines and activity below it, and the deals lists.
 */
export async function invalidatePlan(queryClient: QueryClient, dealId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: dealQueryKey(dealId) }),
    queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
  ])
}
