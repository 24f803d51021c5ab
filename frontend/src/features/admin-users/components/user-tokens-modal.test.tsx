import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession, aUser } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const lin = aUser({ id: 'u-lin', email: 'lin@summit.example', name: 'Lin Wei', role: 'member', version: 2 })
const token = { id: 't1', name: 'CRM sync', created_at: '2026-02-01T08:00:00Z', last_used_at: null }

async function openTokens() {
  await userEvent.click(await screen.findByRole('button', { name: 'Actions for Lin Wei' }))
  await userEvent.click(await screen.findByRole('menuitem', { name: 'API tokens' }))
  return within(await screen.findByRole('dialog', { name: 'API tokens of Lin Wei' }))
}

describe('a user’s API tokens', () => {
  it('lists the tokens and revokes one after a confirm, then refreshes the list', async () => {
    let revoked = false
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /users': { items: [aUser(), lin], next_cursor: null },
      'GET /users/u-lin/tokens': () => jsonResponse(200, { items: revoked ? [] : [token], next_cursor: null }),
      'DELETE /users/u-lin/tokens/t1': () => {
        revoked = true
        return new Response(null, { status: 204 })
      },
    })
    renderApp('/admin/users')

    let dialog = await openTokens()
    expect(await dialog.findByRole('cell', { name: 'CRM sync' })).toBeInTheDocument()
    expect(dialog.getByRole('cell', { name: 'Never' })).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Revoke CRM sync' }))
    const confirm = within(await screen.findByRole('dialog', { name: 'Revoke “CRM sync” of Lin Wei?' }))
    await userEvent.click(confirm.getByRole('button', { name: 'Revoke' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'DELETE /users/u-lin/tokens/t1')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'DELETE /users/u-lin/tokens/t1')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-admin')
    dialog = within(await screen.findByRole('dialog', { name: 'API tokens of Lin Wei' }))
    expect(await dialog.findByText('This user has no API tokens.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /users/u-lin/tokens').length).toBeGreaterThanOrEqual(2)
  })

  it('says so when the user has no tokens', async () => {
    mockApi({
      'GET /me': adminSession,
      'GET /users': { items: [aUser(), lin], next_cursor: null },
      'GET /users/u-lin/tokens': { items: [], next_cursor: null },
    })
    renderApp('/admin/users')

    const dialog = await openTokens()

    expect(await dialog.findByText('This user has no API tokens.')).toBeInTheDocument()
    expect(dialog.queryByRole('table')).not.toBeInTheDocument()
  })
})
