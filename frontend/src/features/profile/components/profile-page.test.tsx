import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession, aUser } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

function section(name: string) {
  return within(screen.getByRole('region', { name }))
}

describe('profile page', () => {
  it('keeps the typed name on a 412 and saves on the reloaded version', async () => {
    let version = 3
    const fetchMock = mockApi({
      'GET /me': () => jsonResponse(200, { ...adminSession, user: aUser({ name: 'Ada A.', version }) }),
      'PATCH /me': ({ headers }: MockRequest) =>
        headers.get('If-Match') === `"${version}"`
          ? jsonResponse(200, aUser({ name: 'Ada Lovelace', version: version + 1 }))
          : jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderApp('/profile')
    const name = await screen.findByLabelText(/^Name/)
    version = 4 // someone saves the profile elsewhere meanwhile

    await userEvent.clear(name)
    await userEvent.type(name, 'Ada Lovelace')
    await userEvent.click(section('Your details').getByRole('button', { name: 'Save' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this — reload to see their change.')
    expect(name).toHaveValue('Ada Lovelace')

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /me')).toHaveLength(2))
    await userEvent.click(section('Your details').getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Saved.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'PATCH /me').map((r) => r.body)).toEqual([{ name: 'Ada Lovelace' }, { name: 'Ada Lovelace' }])
    expect(screen.getByRole('button', { name: /Ada Lovelace/ })).toBeInTheDocument()
  })

  it('shows a wrong current password under its field', async () => {
    mockApi({
      'GET /me': adminSession,
      'POST /me/password': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Check the fields.', fields: { current_password: 'is not your password' } },
        }),
    })
    renderApp('/profile')
    const form = await screen.findByRole('region', { name: 'Change password' })

    await userEvent.type(within(form).getByLabelText(/Current password/), 'nope')
    await userEvent.type(within(form).getByLabelText(/New password/), 'a-new-long-password')
    await userEvent.click(within(form).getByRole('button', { name: 'Change password' }))

    expect(await within(form).findByText('is not your password')).toBeInTheDocument()
    expect(within(form).getByLabelText(/Current password/)).toHaveAccessibleDescription('is not your password')
  })
})
