import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { dealsQueryKey } from '../../../lib/deals'
import { templatePath, templateQueryKey, templatesQueryKey, type Template, type TemplateInput } from './templates'

/**
 * Every template change refreshes the list; a saved template also replaces its cached copy. Deals
 * are refreshed too: a change of confidence parameters recomputes the confidence of every deal
 * laid out from the template.
 */
function useTemplateMutation<Input, Output extends Template | void>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      if (saved) queryClient.setQueryData(templateQueryKey(saved.id), saved)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...templatesQueryKey, 'list'] }),
        queryClient.invalidateQueries({ queryKey: dealsQueryKey }),
      ])
    },
  })
}

/** `POST /templates`: a new template (also "Save as new" and duplicating). */
export function useCreateTemplate() {
  return useTemplateMutation((input: TemplateInput) => api.post<Template>('/templates', input))
}

/** `PUT /templates/{id}` based on `version`: replaces names, segment and every step. */
export function useUpdateTemplate() {
  return useTemplateMutation(({ id, version, input }: { id: string; version: number; input: TemplateInput }) =>
    api.put<Template>(templatePath(id), input, { ifMatch: version }),
  )
}

/** `DELETE /templates/{id}`: a built-in template answers 409. */
export function useDeleteTemplate() {
  return useTemplateMutation((template: Template) => api.delete(templatePath(template.id), { ifMatch: template.version }))
}

/** Fetches the templates again, e.g. after a 412, so the next change is based on the current versions. */
export function useReloadTemplates() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: templatesQueryKey })
}
