import { useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import type { Segment } from '../../../lib/deals'
import type { Page } from '../../../lib/paging'

/** A plan template, with the fields the new-deal form needs. */
export interface Template {
  id: string
  key: string | null
  builtin: boolean
  name: string
  name_zh: string
  segment: Segment
  version: number
}

/** Every template (one page, built-in first). */
export function useTemplates() {
  return useQuery({
    queryKey: ['templates'],
    queryFn: async ({ signal }) => (await api.get<Page<Template>>('/templates', { signal })).items,
    staleTime: 5 * 60_000,
  })
}
