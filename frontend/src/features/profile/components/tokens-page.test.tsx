import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const listed = { id: 't1', name: 'CRM sync', created_at: '2026-02-01T08:00:00Z', last_used_at: null }

describe('API tokens page', () => {
  it('shows a new token once, with a copy button and a warning', async () => {
    mockApi({
      'GET /me': adminSession,
      'GET /me/tokens': { items: [], next_cursor: null },
      'POST /me/tokens': () =>
        jsonResponse(201, { id: 't2', name: 'Reports', token: 'smt_secret_123', created_at: '2026-02-02T08:00:00Z' }),
    })
    renderApp('/profile/tokens')

    await userEvent.type(await screen.findByLabelText(/Token name/), 'Reports')
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }))

    expect(await screen.findByText('smt_secret_123')).toBeInTheDocument()
    expect(screen.getByText('Copy it now: it will not be shown again.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument()
  })

  it('revokes a token after a confirm', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /me/tokens': { items: [listed], next_cursor: null },
      'DELETE /me/tokens/t1': () => new Response(null, { status: 204 }),
    })
    renderApp('/profile/tokens')

    expect(await screen.findByRole('cell', { name: 'Never' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Revoke CRM sync' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Revoke “CRM sync”?' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Revoke' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'DELETE /me/tokens/t1')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'DELETE /me/tokens/t1')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-admin')
  })
})
