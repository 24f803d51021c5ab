import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

/** A plan template, with the fields the new-deal form needs. */
export type Template = Schema<'Template'>

/** Every template (`GET /templates?limit=500&sort=name`, following cursors), built-in first. */
export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: async ({ signal }) => {
      const all = await fetchAllPages((cursor) => api.get<Page<Template>>('/templates', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } }))
      return [...all.filter((t) => t.builtin), ...all.filter((t) => !t.builtin)]
    },
    staleTime: 5 * 60_000,
  })
}
