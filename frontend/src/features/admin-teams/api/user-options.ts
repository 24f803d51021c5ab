import { useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { fetchAllPages, type Page } from '../../../lib/paging'
import type { User } from '../../../lib/session'

const PAGE_SIZE = 500

/** Every user by name, for the member picker and for showing members by name. */
export function listAllUsers(signal?: AbortSignal): Promise<User[]> {
  return fetchAllPages((cursor) => api.get<Page<User>>('/users', { signal, query: { limit: PAGE_SIZE, sort: 'name', cursor } }))
}

/** The people a team can have as members; under the users key so user changes refresh it. */
export function useUserOptions() {
  return useQuery({ queryKey: ['users', 'all'], queryFn: ({ signal }) => listAllUsers(signal) })
}
