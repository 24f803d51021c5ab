import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { AppProviders } from '../app/providers'
import { routes } from '../app/router'
import { createQueryClient } from '../lib/query-client'

/** Renders a component inside the app's providers, with a cache that never retries. */
export function renderWithProviders(ui: ReactElement) {
  return render(
    <AppProviders queryClient={createQueryClient({ retry: false })} env="test">
      {ui}
    </AppProviders>,
  )
}

/** Renders the whole app at `path` with an in-memory router. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  return { router, ...renderWithProviders(<RouterProvider router={router} />) }
}

/** A fetch stand-in that answers every request with `body` as JSON. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}
