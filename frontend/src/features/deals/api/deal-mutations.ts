import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { dealListsQueryKey, dealQueryKey, refreshSavedDeal, type Deal, type DealMember, type DealStatus, type Segment } from '../../../lib/deals'

/** What `POST /deals` takes. */
export interface NewDeal {
  name: string
  customer_id: string
  segment: Segment
  team_id: string
  amount_minor: number
  currency: string
  target_close_date: string
  template_id?: string | null
  start_date?: string | null
  team?: DealMember[]
}

/** What `PATCH /deals/{id}` may change besides the status. */
export type DealChanges = Partial<Pick<Deal, 'name' | 'customer_id' | 'team_id' | 'amount_minor' | 'currency' | 'target_close_date'>>

/** A status change: a reason for lost and abandoned; `override_gate` (admins) wins before the contract gate. */
export interface StatusChange {
  status: DealStatus
  status_reason?: string
  override_gate?: boolean
}

/** `POST /deals`: 201 with the new deal; 422 with fields; 409 for an unknown team. */
export function useCreateDeal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (deal: NewDeal) => api.post<Deal>('/deals', deal),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
  })
}

/** `PATCH /deals/{id}` based on the deal's version: fields, or a status change. */
export function useUpdateDeal() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ deal, changes }: { deal: Deal; changes: DealChanges | StatusChange }) =>
      api.patch<Deal>(`/deals/${encodeURIComponent(deal.id)}`, changes, { ifMatch: deal.version }),
    onSuccess: (saved) => refreshSavedDeal(queryClient, saved),
  })
}

/** Fetches a deal again, e.g. after a 412, so the next change is based on its current version. */
export function useReloadDeal(id: string) {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: dealQueryKey(id) })
}
