import { useMutation, useQueryClient } from '@tanstack/react-query'
import i18n from '../../../i18n'
import { api, type RequestBody } from '../../../lib/api-client'
import { dealListsQueryKey, dealQueryKey, refreshSavedDeal, type Deal, type DealStatus } from '../../../lib/deals'
import { notifySaved } from '../../../lib/notify'

/** What `POST /deals` takes. */
export type NewDeal = RequestBody<'/deals', 'post'>

/** What `PATCH /deals/{id}` may change; only the fields sent change. */
export type DealChanges = RequestBody<'/deals/{id}', 'patch'>

/** A status change: a reason for lost and abandoned; `override_gate` (admins) wins before the contract gate. */
export type StatusChange = Pick<DealChanges, 'status_reason' | 'override_gate'> & { status: DealStatus }

/** `POST /deals`: 201 with the new deal; 422 with fields; 409 for an unknown team. */
export function useCreateDeal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (deal: NewDeal) => api.post<Deal>('/deals', deal),
    onSuccess: () => {
      notifySaved(i18n.t('feedback.dealCreated'))
      return queryClient.invalidateQueries({ queryKey: dealListsQueryKey })
    },
  })
}

/** `PATCH /deals/{id}` based on the deal's version: fields, or a status change. */
export function useUpdateDeal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ deal, changes }: { deal: Deal; changes: DealChanges | StatusChange }) =>
      api.patch<Deal>(`/deals/${encodeURIComponent(deal.id)}`, changes, { ifMatch: deal.version }),
    onSuccess: (saved) => {
      notifySaved(i18n.t('feedback.dealSaved'))
      return refreshSavedDeal(queryClient, saved)
    },
  })
}

/** Fetches a deal again, e.g. after a 412, so the next change is based on its current version. */
export function useReloadDeal(id: string) {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: dealQueryKey(id) })
}
