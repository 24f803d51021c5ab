import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { api, send } from '../../../lib/api-client'
import { nextCursor, type Page } from '../../../lib/paging'
import type { User } from '../../../lib/session'

/** The orders `GET /users` accepts; a leading minus sorts descending. */
export const USER_SORTS = ['name', '-name', 'email', '-email', 'created_at', '-created_at'] as const

/** One of `USER_SORTS`. */
export type UserSort = (typeof USER_SORTS)[number]

/** The list's search, status filter and order, as kept in the URL. */
export interface UserFilters {
  q: string
  /** undefined = everyone, true = active only, false = deactivated only. */
  active: boolean | undefined
  sort: UserSort
}

const PAGE_SIZE = 50

/** The root of every users cache key; invalidating it refreshes lists and single users alike. */
export const usersQueryKey = ['users'] as const

/** `GET /users` for one page. */
export function listUsers(filters: UserFilters, cursor: string | undefined, signal?: AbortSignal): Promise<Page<User>> {
  return api.get<Page<User>>('/users', {
    signal,
    query: { limit: PAGE_SIZE, cursor, sort: filters.sort, q: filters.q || undefined, active: filters.active },
  })
}

/** The users list, a page at a time ("Load more" fetches the next). */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => listUsers(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}

/** `GET /users/{id}`. */
export async function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return (await send<User>(`/users/${encodeURIComponent(id)}`, { signal })).data
}

/** The cache key of one user. */
export function userQueryKey(id: string) {
  return [...usersQueryKey, 'detail', id] as const
}

/** One user, starting from the copy the list already has; refetched to pick up others' changes. */
export function useUser(initial: User) {
  return useQuery({
    queryKey: userQueryKey(initial.id),
    queryFn: ({ signal }) => getUser(initial.id, signal),
    initialData: initial,
  })
}
