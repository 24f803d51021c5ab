import { useMutation, useQueryClient } from '@tanstack/react-query'
import i18n from '../../../i18n'
import { api, API_BASE, send } from '../../../lib/api-client'
import { notifySaved, type SavedKey } from '../../../lib/notify'
import { undoImport, uploadPlan, type ImportMode } from './import-plan'
import { invalidatePlan } from './plan-queries'
import type { Baseline, ItemList, Milestone, MilestoneChanges, Move, NewMilestone } from './types'

const milestonePath = (id: string) => `/milestones/${encodeURIComponent(id)}`
const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`

/** A mutation whose success says so (`saved`, a `feedback.*` key) and refreshes the deal's plan, baselines and header. */
function usePlanMutation<TVariables, TResult>(dealId: string, mutationFn: (variables: TVariables) => Promise<TResult>, saved?: SavedKey) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => {
      if (saved) notifySaved(i18n.t(`feedback.${saved}`))
      return invalidatePlan(queryClient, dealId)
    },
  })
}

/** `PATCH /milestones/{id}` based on `version` (412 when someone changed it since). */
export function useUpdateMilestone(dealId: string) {
  return usePlanMutation(dealId, async ({ id, version, changes }: { id: string; version: number; changes: MilestoneChanges }) =>
    (await send<Milestone>(milestonePath(id), { method: 'PATCH', body: changes, ifMatch: version })).data,
  'milestoneSaved')
}

/** `POST /deals/{id}/milestones`: appended at the end of the plan. */
export function useCreateMilestone(dealId: string) {
  return usePlanMutation(dealId, (milestone: NewMilestone) => api.post<Milestone>(`${dealPath(dealId)}/milestones`, milestone), 'milestoneSaved')
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
  'rescheduled')
}

/** `POST /deals/{id}/baselines`: freezes today's dates as a new baseline (the first one is the committed one). */
export function useTakeBaseline(dealId: string) {
  return usePlanMutation(dealId, (baseline: { name: string; reason: string }) => api.post<Baseline>(`${dealPath(dealId)}/baselines`, baseline), 'baselineTaken')
}

/** `POST /deals/{id}/baselines/{baselineId}/commit`: slippage is measured against this baseline from now on. */
export function useCommitBaseline(dealId: string) {
  return usePlanMutation(dealId, ({ baselineId, reason }: { baselineId: string; reason: string }) =>
    api.post<Baseline>(`${dealPath(dealId)}/baselines/${encodeURIComponent(baselineId)}/commit`, { reason }),
  'baselineCommitted')
}

/** `POST /deals/{id}/milestones/import`: merges a CSV or XLSX file into the plan, or replaces the plan with it. */
export function useImportPlan(dealId: string) {
  return usePlanMutation(dealId, ({ file, mode }: { file: File; mode: ImportMode }) => uploadPlan(dealId, file, mode), 'planImported')
}

/** Undoes the deal's latest import, at the version the import answered with. */
export function useUndoImport(dealId: string) {
  return usePlanMutation(dealId, ({ importId, version }: { importId: string; version: string }) => undoImport(dealId, importId, version), 'importUndone')
}

/**
 * Where the plan downloads as XLSX (`GET /deals/{id}/plan.xlsx`; the session cookie authorises
 * it), headed and labelled in `language` (a link sends the browser's Accept-Language, not the app's).
 */
export function planExportUrl(dealId: string, language: string): string {
  const lang = language.startsWith('zh') ? 'zh-CN' : 'en'
  return `${API_BASE}${dealPath(dealId)}/plan.xlsx?lang=${lang}`
}
