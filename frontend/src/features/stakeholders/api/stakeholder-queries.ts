import { useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { dealQueryKey } from '../../../lib/deals'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'
import type { Contact, GateRisk, HistoryEntry, ItemList, MilestoneRef, Stakeholder } from './types'

/** How far ahead the map looks for gates at risk, and when a decisive person counts as not contacted. */
export const GATE_RISK_WINDOW = { days: 365, stale_days: 30 } as const

/**
 * Cache keys of the stakeholder map. The deal's own data sits under `dealQueryKey`, so
 * refreshing the deal after a change refreshes these too; the plan feature reads the
 * stakeholders, gate risks and milestones under the same keys.
 */
export const stakeholderKeys = {
  list: (dealId: string) => [...dealQueryKey(dealId), 'stakeholders'] as const,
  history: (dealId: string, id: string) => [...dealQueryKey(dealId), 'stakeholders', id, 'history'] as const,
  gateRisks: (dealId: string) => [...dealQueryKey(dealId), 'gate-risks'] as const,
  milestones: (dealId: string) => [...dealQueryKey(dealId), 'milestones'] as const,
  contacts: (customerId: string) => ['customers', 'contacts', customerId] as const,
}

const dealPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}`

/** `GET /deals/{id}/stakeholders`: everyone on the deal, by name. */
export function useStakeholders(dealId: string) {
  return useQuery({
    queryKey: stakeholderKeys.list(dealId),
    queryFn: async ({ signal }) => (await api.get<ItemList<Stakeholder>>(`${dealPath(dealId)}/stakeholders`, { signal })).items,
  })
}

/**
 * `GET /customers/{id}/contacts?limit=500&sort=name`, following cursors: all the customer's
 * people, for the org chart (it needs every reporting line) and "add existing contact".
 */
export function useContacts(customerId: string) {
  return useQuery({
    queryKey: stakeholderKeys.contacts(customerId),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        api.get<Page<Contact>>(`/customers/${encodeURIComponent(customerId)}/contacts`, { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } })),
  })
}

/** `GET /deals/{id}/milestones`: the plan, for naming the milestones a person can move. */
export function useDealMilestones(dealId: string) {
  return useQuery({
    queryKey: stakeholderKeys.milestones(dealId),
    queryFn: async ({ signal }) => (await api.get<ItemList<MilestoneRef>>(`${dealPath(dealId)}/milestones`, { signal })).items,
  })
}

/**
 * `GET /risks/gates?deal_id=`: this deal's gates at risk from their decisive people within a
 * year, every page (the markers need them all; one deal's are one page of 500 in practice).
 */
export function useGateRisks(dealId: string) {
  return useQuery({
    queryKey: stakeholderKeys.gateRisks(dealId),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        api.get<Page<GateRisk>>('/risks/gates', { signal, query: { deal_id: dealId, ...GATE_RISK_WINDOW, limit: WHOLE_LIST_PAGE_SIZE, cursor } })),
  })
}

/** `GET /stakeholders/{id}/history`: every recorded change, newest first. */
export function useStakeholderHistory(dealId: string, id: string) {
  return useQuery({
    queryKey: stakeholderKeys.history(dealId, id),
    queryFn: async ({ signal }) => (await api.get<ItemList<HistoryEntry>>(`/stakeholders/${encodeURIComponent(id)}/history`, { signal })).items,
  })
}
