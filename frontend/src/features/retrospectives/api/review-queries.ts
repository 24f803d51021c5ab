import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { dealQueryKey, type Deal } from '../../../lib/deals'
import { nextCursor, type Page } from '../../../lib/paging'
import { reviewKeys } from './review-keys'
import type { ActionItem, GateDecision, MilestoneRef, MyAction, Retrospective } from './types'

const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`

/** `GET /deals/{id}/retrospectives`: all of them with their actions, newest first. */
export function useRetrospectives(dealId: string) {
  return useQuery({
    queryKey: reviewKeys.retrospectives(dealId),
    queryFn: async ({ signal }) => (await api.get<Page<Retrospective>>(`${dealPath(dealId)}/retrospectives`, { signal })).items,
  })
}

/** `GET /deals/{id}/actions/overdue`: open actions past their due date, soonest due first. */
export function useOverdueActions(dealId: string) {
  return useQuery({
    queryKey: reviewKeys.overdue(dealId),
    queryFn: async ({ signal }) => (await api.get<Page<ActionItem>>(`${dealPath(dealId)}/actions/overdue`, { signal })).items,
  })
}

/** `GET /deals/{id}/gate-decisions`: in the order they were taken. */
export function useGateDecisions(dealId: string) {
  return useQuery({
    queryKey: reviewKeys.decisions(dealId),
    queryFn: async ({ signal }) => (await api.get<Page<GateDecision>>(`${dealPath(dealId)}/gate-decisions`, { signal })).items,
  })
}

/** `GET /deals/{id}/milestones`, kept to what retrospectives and decisions name: the plan's steps and gates. */
export function useMilestoneRefs(dealId: string) {
  return useQuery({
    queryKey: reviewKeys.milestones(dealId),
    queryFn: async ({ signal }) =>
      (await api.get<Page<MilestoneRef>>(`${dealPath(dealId)}/milestones`, { signal })).items.map(
        ({ id, name, name_zh, sequence, gate }): MilestoneRef => ({ id, name, name_zh, sequence, gate }),
      ),
  })
}

/** `GET /deals/{id}` under the workspace's own key: the deal's status and version (for abandoning it). */
export function useDealSnapshot(dealId: string) {
  return useQuery({ queryKey: dealQueryKey(dealId), queryFn: ({ signal }) => api.get<Deal>(dealPath(dealId), { signal }) })
}

const MY_ACTIONS_PAGE_SIZE = 50

/**
 * `GET /me/actions`, a page at a time: the caller's open actions and the next steps they own
 * on open deals, grouped by deal (deals with something overdue first), soonest due first.
 */
export function useMyActions() {
  return useInfiniteQuery({
    queryKey: reviewKeys.myActions,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MyAction>>('/me/actions', { signal, query: { limit: MY_ACTIONS_PAGE_SIZE, cursor: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}
