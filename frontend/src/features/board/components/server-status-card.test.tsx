import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { jsonResponse, renderWithProviders } from '../../../test/render'
import { ServerStatusCard } from './server-status-card'

describe('ServerStatusCard', () => {
  it('shows the name and version the server reports', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { name: 'Summit', version: '1.4.2', fiscal_year_start_month: 4 }))
    vi.stubGlobal('fetch', fetchMock)

    renderWithProviders(<ServerStatusCard />)

    expect(await screen.findByText('1.4.2')).toBeInTheDocument()
    expect(screen.getByText('Summit')).toBeInTheDocument()
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/meta', expect.anything())
  })

  it('says the server answered with an error on 503', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(503, { error: { code: 'unavailable', message: 'not ready' } })))

    renderWithProviders(<ServerStatusCard />)

    expect(await screen.findByRole('alert')).toHaveTextContent('The server answered with an error (HTTP 503).')
  })

  it('says the server could not be reached when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))

    renderWithProviders(<ServerStatusCard />)

    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached.')
  })
})
