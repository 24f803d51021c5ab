import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { AppProviders } from './providers'
import { createAppRouter } from './router'

/** The whole single-page app. */
export function App() {
  const [router] = useState(createAppRouter)
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
