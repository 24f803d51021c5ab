import { useQuery } from '@tanstack/react-query'
import { api, type Schema } from './api-client'

/** The reporting settings: currency and fiscal year start month, with their version. */
export type Settings = Schema<'Settings'>

/** The cache key of the settings. */
export const settingsQueryKey = ['settings'] as const

/** `GET /settings`; any signed-in user may read them (the FX table shows the reporting currency). */
export function useSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => api.get<Settings>('/settings', { signal }) })
}
