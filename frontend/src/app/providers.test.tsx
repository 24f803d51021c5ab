import { useQueryClient } from '@tanstack/react-query'
import { render, waitFor } from '@testing-library/react'
import { StrictMode, useEffect } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { api, configureApiClient } from '../lib/api-client'
import { sessionQueryKey } from '../lib/session'
import { adminSession } from '../test/fixtures'
import { mockApi, requestsTo } from '../test/mock-api'
import { AppProviders } from './providers'

function SignedInProbe() {
  const queryClient = useQueryClient()
  useEffect(() => {
    queryClient.setQueryData(sessionQueryKey, adminSession)
    void api.post('/probe', {})
  }, [queryClient])
  return null
}

afterEach(() => configureApiClient({}))

describe('AppProviders', () => {
  it('sends the CSRF token of the cache the app really uses, even under StrictMode', async () => {
    const fetchMock = mockApi({ 'POST /probe': {} })

    render(
      <StrictMode>
        <AppProviders>
          <SignedInProbe />
        </AppProviders>
      </StrictMode>,
    )

    await waitFor(() => expect(requestsTo(fetchMock, 'POST /probe').length).toBeGreaterThan(0))
    for (const request of requestsTo(fetchMock, 'POST /probe')) {
      expect(request.headers.get('X-CSRF-Token')).toBe('csrf-admin')
    }
  })
})
