import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

/** `GET /calibration`: how well the confidence at a lead time foretold the closed deals' outcomes. */
export type CalibrationReport = Schema<'CalibrationReport'>
export type CalibrationBin = Schema<'CalibrationBin'>

/** The lead times offered, in days before close. */
export const LEAD_TIMES = [90, 60, 30] as const
export type LeadDays = (typeof LEAD_TIMES)[number]
export type Segment = 'g2b' | 'key_account'

/** What the report is asked for; undefined segment or template means all of them. */
export interface CalibrationQuery {
  leadDays: LeadDays
  segment?: Segment
  templateId?: string
}

/** The report for `query`; the previous one stays on screen while a new filter loads. */
export function useCalibration(query: CalibrationQuery) {
  return useQuery({
    queryKey: ['calibration', query.leadDays, query.segment ?? null, query.templateId ?? null],
    queryFn: ({ signal }) =>
      api.get<CalibrationReport>('/calibration', { signal, query: { lead_days: query.leadDays, segment: query.segment, template_id: query.templateId } }),
    placeholderData: keepPreviousData,
  })
}

/** A plan template, as the template filter lists it. */
export type Template = Schema<'Template'>

/** Every template (`GET /templates`, following cursors), for the template filter. */
export function useTemplateChoices() {
  return useQuery({
    queryKey: ['calibration', 'templates'],
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) => api.get<Page<Template>>('/templates', { signal, query: { limit: WHOLE_LIST_PAGE_SIZE, sort: 'name', cursor } })),
    staleTime: 5 * 60_000,
  })
}
