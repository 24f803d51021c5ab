import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Schema, type RequestBody } from '../../../lib/api-client'
import type { Page } from '../../../lib/paging'

/** Who a customer is. */
export type CustomerKind = Schema<'CustomerKind'>

/** Every customer kind, in the order the UI offers them. */
export const CUSTOMER_KINDS: readonly CustomerKind[] = ['government', 'state_owned', 'enterprise']

/** An account deals are sold to. */
export type Customer = Schema<'Customer'>

/** What `POST /customers` takes. */
export type NewCustomer = RequestBody<'/customers', 'post'>

const customersQueryKey = ['customers'] as const
const SEARCH_LIMIT = 20

/** Customers whose name contains `q` (all of them, by name, when empty), for a searchable picker. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: [...customersQueryKey, 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<Customer>>('/customers', { signal, query: { q: q || undefined, limit: SEARCH_LIMIT, sort: 'name' } }),
    staleTime: 60_000,
  })
}

/** One customer, to name the one a filter or form holds; nothing is fetched without an id. */
export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: [...customersQueryKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Customer>(`/customers/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
    staleTime: 5 * 60_000,
  })
}

/** `POST /customers`: 409 when a customer of that kind has the name already; 422 with fields. */
export function useCreateCustomer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (customer: NewCustomer) => api.post<Customer>('/customers', customer),
    onSuccess: (customer) => {
      queryClient.setQueryData([...customersQueryKey, 'detail', customer.id], customer)
      return queryClient.invalidateQueries({ queryKey: [...customersQueryKey, 'search'] })
    },
  })
}
