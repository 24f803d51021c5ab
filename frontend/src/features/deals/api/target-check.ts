import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'

/** Where a template's close gate falls from a start date, against a target close. */
export type TargetCheck = Schema<'TargetCheck'>

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * `POST /templates/{id}/target-check` for New deal: asked once the template and a whole target
 * date are chosen, again whenever one of them (or the start date) changes.
 */
export function useTargetCheck(templateId: string | null, startDate: string, targetClose: string) {
  const ready = templateId !== null && ISO_DATE.test(targetClose) && (startDate === '' || ISO_DATE.test(startDate))
  return useQuery({
    queryKey: ['template-target-check', templateId, startDate, targetClose],
    queryFn: ({ signal }) =>
      api.post<TargetCheck>(`/templates/${encodeURIComponent(templateId ?? '')}/target-check`,
        { target_close_date: targetClose, ...(startDate ? { start_date: startDate } : {}) }, { signal }),
    enabled: ready,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}
