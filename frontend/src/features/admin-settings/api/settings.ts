import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestBody } from '../../../lib/api-client'
import { settingsQueryKey, type Settings } from '../../../lib/settings'

export { useSettings, type Settings } from '../../../lib/settings'

/** What `PATCH /settings` may change. */
export type SettingsChanges = RequestBody<'/settings', 'patch'>

/**
 * `PATCH /settings` based on the settings' version. The fiscal year start month names every
 * period, so a change also refreshes `/meta` and whatever was computed per period.
 */
export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ settings, changes }: { settings: Settings; changes: SettingsChanges }) =>
      api.patch<Settings>('/settings', changes, { ifMatch: settings.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQueryKey, saved)
      void queryClient.invalidateQueries({ queryKey: ['meta'] })
      void queryClient.invalidateQueries({ queryKey: ['targets'] })
      void queryClient.invalidateQueries({ queryKey: ['fx-rates'] })
    },
  })
}

/** Fetches the settings again, e.g. after a 412, while the form keeps what was typed; resolves once they are in. */
export function useReloadSettings() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: settingsQueryKey })
}
