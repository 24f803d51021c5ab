import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import i18n from '../../../i18n'
import { api, send } from '../../../lib/api-client'
import { notifySaved } from '../../../lib/notify'
import { dealListsQueryKey, dealQueryKey } from '../../../lib/deals'
import { stakeholderKeys } from './stakeholder-queries'
import type { Contact, NewStakeholder, Stakeholder, StakeholderChanges } from './types'

/**
 * Refreshes everything a stakeholder change touches: the deal and all below it (stakeholders,
 * their history, gate risks, activity, confidence), the deals lists (their confidence column),
 * the cross-deal risk views, and the customer's contacts (adding a person may create one).
 */
export async function invalidateStakeholders(queryClient: QueryClient, dealId: string, customerId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: dealQueryKey(dealId) }),
    queryClient.invalidateQueries({ queryKey: dealListsQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['risks'] }),
    customerId ? queryClient.invalidateQueries({ queryKey: stakeholderKeys.contacts(customerId) }) : undefined,
  ])
}

/** `PATCH /stakeholders/{id}` based on `version` (412 when someone changed it since). */
export function useUpdateStakeholder(dealId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, version, changes }: { id: string; version: number; changes: StakeholderChanges }) =>
      (await send<Stakeholder>(`/stakeholders/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes, ifMatch: version })).data,
    onSuccess: (saved, { changes }) => {
      notifySaved(
        changes.stance
          ? i18n.t('feedback.stanceChanged', { name: saved.name, stance: i18n.t(`terms.stances.${changes.stance}`) })
          : i18n.t('feedback.stakeholderSaved'),
      )
      return invalidateStakeholders(queryClient, dealId)
    },
  })
}

/** `POST /deals/{id}/stakeholders`: adds an existing contact, or a new one by name. */
export function useCreateStakeholder(dealId: string, customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (stakeholder: NewStakeholder) => api.post<Stakeholder>(`/deals/${encodeURIComponent(dealId)}/stakeholders`, stakeholder),
    onSuccess: () => {
      notifySaved(i18n.t('feedback.stakeholderAdded'))
      return invalidateStakeholders(queryClient, dealId, customerId)
    },
  })
}

/** `PATCH /contacts/{id}` of `reports_to_id` at the contact's `version` (null: reports to no one). */
export function useSetReportsTo(dealId: string, customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, version, reportsTo }: { id: string; version: number; reportsTo: string | null }) =>
      (await send<Contact>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body: { reports_to_id: reportsTo }, ifMatch: version })).data,
    onSuccess: () => invalidateStakeholders(queryClient, dealId, customerId),
  })
}
