import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import i18n from '../../../i18n'
import { api } from '../../../lib/api-client'
import { notifySaved, type SavedKey } from '../../../lib/notify'
import { dealListsQueryKey, dealQueryKey } from '../../../lib/deals'
import { invalidateReviews } from './review-keys'
import type { ActionItem, ActionStatus, GateDecision, GateDecisionInput, Retrospective, RetrospectiveInput } from './types'

const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`
const retrospectivePath = (id: string) => `/retrospectives/${encodeURIComponent(id)}`

/** Says a review change was saved (`message`, a `feedback.*` key) and refreshes what it touches. */
function saved(queryClient: QueryClient, dealId: string, message: SavedKey): Promise<void> {
  notifySaved(i18n.t(`feedback.${message}`))
  return invalidateReviews(queryClient, dealId)
}

/** `POST /deals/{id}/retrospectives`: holds one, with its action items. */
export function useHoldRetrospective(dealId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RetrospectiveInput) => api.post<Retrospective>(`${dealPath(dealId)}/retrospectives`, input),
    onSuccess: () => saved(queryClient, dealId, 'retrospectiveSaved'),
  })
}

/** `PUT /retrospectives/{id}` based on `version`: replaces the fields and the action list. */
export function useReplaceRetrospective(dealId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, input }: { id: string; version: number; input: RetrospectiveInput }) =>
      api.put<Retrospective>(retrospectivePath(id), input, { ifMatch: version }),
    onSuccess: () => saved(queryClient, dealId, 'retrospectiveSaved'),
  })
}

/** `DELETE /retrospectives/{id}` based on its version; its actions go with it. */
export function useDeleteRetrospective(dealId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (retrospective: Pick<Retrospective, 'id' | 'version'>) =>
      api.delete(retrospectivePath(retrospective.id), { ifMatch: retrospective.version }),
    onSuccess: () => saved(queryClient, dealId, 'retrospectiveDeleted'),
  })
}

/** `PATCH /actions/{id}` with the action's version: marks it done or open again. */
export function useSetActionStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, status }: { action: Pick<ActionItem, 'id' | 'version' | 'deal_id'>; status: ActionStatus }) =>
      api.patch<ActionItem>(`/actions/${encodeURIComponent(action.id)}`, { status }, { ifMatch: action.version }),
    onSuccess: (action, { status }) => {
      notifySaved(i18n.t(status === 'done' ? 'feedback.actionDone' : 'feedback.actionReopened', { title: action.title }))
      return invalidateReviews(queryClient, action.deal_id)
    },
  })
}

/**
 * `PATCH /actions/{id}` from My actions: done or open again. The deal's views refresh, but not
 * My actions itself, so the item stays where it is with its new state and can be undone.
 */
export function useToggleMyAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, status }: { id: string; version: number; status: ActionStatus }) =>
      api.patch<ActionItem>(`/actions/${encodeURIComponent(id)}`, { status }, { ifMatch: version }),
    onSuccess: (saved) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dealQueryKey(saved.deal_id) }),
        queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
      ]),
  })
}

/**
 * `POST /deals/{id}/gate-decisions`. Abandoning the deal with a no-go is based on the deal's
 * `version` (If-Match); the deal, its header, its confidence and the deals lists are refreshed after.
 */
export function useRecordGateDecision(dealId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ input, dealVersion }: { input: GateDecisionInput; dealVersion?: number }) =>
      api.post<GateDecision>(`${dealPath(dealId)}/gate-decisions`, input, input.abandon_deal ? { ifMatch: dealVersion } : undefined),
    onSuccess: () => saved(queryClient, dealId, 'gateDecisionRecorded'),
  })
}
