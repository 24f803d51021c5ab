import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, API_BASE, send } from '../../../lib/api-client'
import { uploadPlan } from './import-plan'
import { invalidatePlan } from './plan-queries'
import type { Baseline, ItemList, Milestone, MilestoneChanges, Move, NewMilestone } from './types'

const milestonePath = (id: string) => `/milestones/${encodeURIComponent(id)}`
const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`

/** A mutation whose success refreshes the deal's plan, baselines and header. */
function usePlanMutation<TVariables, TResult>(dealId: string, mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn, onSuccess: () => invalidatePlan(queryClient, dealId) })
}

/** `PATCH /milestones/{id}` based on `version` (412 when someone changed it since). */
export function useUpdateMilestone(dealId: string) {
  return usePlanMutation(dealId, async ({ id, version, changes }: { id: string; version: number; changes: MilestoneChanges }) =>
    (await send<Milestone>(milestonePath(id), { method: 'PATCH', body: changes, ifMatch: version })).data,
  )
}

/** `POST /deals/{id}/milestones`: appended at the end of the plan. */
export function useCreateMilestone(dealId: string) {
  return usePlanMutation(dealId, (milestone: NewMilestone) => api.post<Milestone>(`${dealPath(dealId)}/milestones`, milestone))
}

/** `DELETE /milestones/{id}`; dependents lose the link and the plan is renumbered. */
export function useDeleteMilestone(dealId: string) {
  return usePlanMutation(dealId, (milestone: Pick<Milestone, 'id' | 'version'>) =>
    api.delete(milestonePath(milestone.id), { ifMatch: milestone.version }),
  )
}

/** `PUT /deals/{id}/milestones/order` with every milestone id in the new order. */
export function useReorderMilestones(dealId: string) {
  return usePlanMutation(dealId, async (milestoneIds: string[]) =>
    (await api.put<ItemList<Milestone>>(`${dealPath(dealId)}/milestones/order`, { milestone_ids: milestoneIds })).items,
  )
}

/** `POST /milestones/{id}/reschedule` with the milestone's version: moves it and its dependents at once. */
export function useApplyReschedule(dealId: string) {
  return usePlanMutation(dealId, async ({ id, version, start, due }: { id: string; version: number; start: string; due: string }) =>
    (await api.post<{ moves: Move[] }>(`${milestonePath(id)}/reschedule`, { planned_start: start, planned_due: due }, { ifMatch: version })).moves,
  )
}

/** `POST /deals/{id}/baselines`: freezes today's dates as a new baseline (the first one is the committed one). */
export function useTakeBaseline(dealId: string) {
  return usePlanMutation(dealId, (baseline: { name: string; reason: string }) => api.post<Baseline>(`${dealPath(dealId)}/baselines`, baseline))
}

/** `POST /deals/{id}/baselines/{baselineId}/commit`: slippage is measured against this baseline from now on. */
export function useCommitBaseline(dealId: string) {
  return usePlanMutation(dealId, ({ baselineId, reason }: { baselineId: string; reason: string }) =>
    api.post<Baseline>(`${dealPath(dealId)}/baselines/${encodeURIComponent(baselineId)}/commit`, { reason }),
  )
}

/** `POST /deals/{id}/milestones/import`: replaces the plan with a CSV or XLSX file. */
export function useImportPlan(dealId: string) {
  return usePlanMutation(dealId, (file: File) => uploadPlan(dealId, file))
}

/** Where the plan downloads as XLSX (`GET /deals/{id}/plan.xlsx`; the session cookie authorises it). */
export function planExportUrl(dealId: string): string {
  return `${API_BASE}${dealPath(dealId)}/plan.xlsx`
}
