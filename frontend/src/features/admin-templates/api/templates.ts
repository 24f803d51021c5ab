import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

/** One step of a template; `depends_on` holds indexes of earlier steps. */
export type TemplateMilestone = Schema<'TemplateMilestone'>

/** A plan template (`GET /templates/{id}`); built-in ones (`builtin`, `key` set) cannot be deleted. */
export type Template = Schema<'Template'>

/** The body of `POST /templates` and `PUT /templates/{id}`: the whole template. */
export type TemplateInput = Schema<'TemplateInput'>

/** What the editor starts from: a stored template's content, or a copy of it. */
export type TemplateContent = Pick<Template, 'name' | 'name_zh' | 'segment' | 'milestones' | 'confidence_params'>

/** One weight or threshold of the confidence model a template may override (`GET /confidence/parameters`). */
export type ConfidenceParameter = Schema<'ConfidenceParameter'>

/** `GET /confidence/parameters`: every parameter with its default, range and label; fixed, so fetched once. */
export function useConfidenceParameters() {
  return useQuery({
    queryKey: ['confidence', 'parameters'],
    queryFn: async ({ signal }) => (await api.get<{ items: ConfidenceParameter[] }>('/confidence/parameters', { signal })).items,
    staleTime: Infinity,
  })
}

/** The cache key of every template; the list and each template live under it. */
export const templatesQueryKey = ['templates'] as const

/** The cache key of one template. */
export function templateQueryKey(id: string) {
  return [...templatesQueryKey, 'one', id] as const
}

/** The API path of one template. */
export function templatePath(id: string): string {
  return `/templates/${encodeURIComponent(id)}`
}

/** Built-in templates first, each group in the order given (by name from the server). */
export function builtinFirst<T extends { builtin: boolean }>(templates: T[]): T[] {
  return [...templates.filter((t) => t.builtin), ...templates.filter((t) => !t.builtin)]
}

/** `GET /templates?limit=500&sort=name`, following cursors: every template, built-in first. */
export function useTemplates() {
  return useQuery({
    queryKey: [...templatesQueryKey, 'list'],
    queryFn: async ({ signal }) =>
      builtinFirst(await fetchAllPages((cursor) => api.get<Page<Template>>('/templates', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } }))),
  })
}

/** `GET /templates/{id}`, for the editor; disabled without an id (a new template). */
export function useTemplate(id: string | null) {
  return useQuery({
    queryKey: templateQueryKey(id ?? ''),
    queryFn: ({ signal }) => api.get<Template>(templatePath(id!), { signal }),
    enabled: id !== null,
  })
}
