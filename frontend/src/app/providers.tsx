import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import i18n from '../i18n'
import { createQueryClient } from '../lib/query-client'
import { connectApiClient } from '../lib/session'
import { theme } from './theme'
import { accessibleColorsResolver } from './theme-contrast'

/**
 * Everything the app needs around its routes: UI theme (its colours adjusted to read at WCAG AA), server-state cache, translations, and the
 * API client wired to the session. Tests pass their own cache and `env="test"` (no transitions or portals).
 */
export function AppProviders({
  children,
  queryClient,
  env,
}: {
  children: ReactNode
  queryClient?: QueryClient
  env?: 'default' | 'test'
}) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  // Wired while rendering, not in the state initializer: StrictMode calls that twice and keeps
  // only one result, which could leave the API client reading another cache's CSRF token. This is
  // idempotent, and it is in place before the first request (GET /me) goes out.
  connectApiClient(client, () => i18n.language)
  return (
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColorsResolver} env={env}>
      <Notifications position="bottom-right" limit={3} />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  )
}
