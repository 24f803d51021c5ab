import { useSearchParams } from 'react-router'
import { USER_SORTS, type UserFilters, type UserSort } from './api/users'

const DEFAULT_SORT: UserSort = 'name'

/** Reads the list state from `?q=&active=&sort=`; anything unknown falls back to the default. */
export function parseUserFilters(params: URLSearchParams): UserFilters {
  const active = params.get('active')
  const sort = params.get('sort')
  return {
    q: params.get('q')?.trim() ?? '',
    active: active === 'true' ? true : active === 'false' ? false : undefined,
    sort: USER_SORTS.includes(sort as UserSort) ? (sort as UserSort) : DEFAULT_SORT,
  }
}

/** The users list state, kept in the URL so it survives reloads and can be shared. */
export function useUserFilters(): [UserFilters, (changes: Partial<UserFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = parseUserFilters(params)
  const update = (changes: Partial<UserFilters>) => {
    const next = { ...filters, ...changes }
    const search = new URLSearchParams()
    if (next.q) search.set('q', next.q)
    if (next.active !== undefined) search.set('active', String(next.active))
    if (next.sort !== DEFAULT_SORT) search.set('sort', next.sort)
    setParams(search, { replace: true })
  }
  return [filters, update]
}
