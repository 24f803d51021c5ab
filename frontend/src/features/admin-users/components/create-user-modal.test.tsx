import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession, aUser } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const users = { items: [aUser()], next_cursor: null }

async function openAndFill() {
  await userEvent.click(await screen.findByRole('button', { name: 'New user' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'New user' }))
  await userEvent.type(dialog.getByLabelText(/Email/), 'lin@summit.example')
  await userEvent.type(dialog.getByLabelText(/^Name/), 'Lin Wei')
  await userEvent.type(dialog.getByLabelText(/Password/), 'long-enough-password')
  await userEvent.click(dialog.getByRole('button', { name: 'Create user' }))
  return dialog
}

describe('create user', () => {
  it('shows the server’s field error under the matching input and keeps the form open', async () => {
    mockApi({
      'GET /me': adminSession,
      'GET /users': users,
      'POST /users': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Check the highlighted fields.', fields: { name: 'is too long' } },
        }),
    })
    renderApp('/admin/users')

    const dialog = await openAndFill()

    expect(await dialog.findByText('is too long')).toBeInTheDocument()
    expect(dialog.getByLabelText(/^Name/)).toHaveAccessibleDescription('is too long')
    expect(dialog.getByLabelText(/^Name/)).toHaveValue('Lin Wei')
    expect(dialog.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
  })

  it('puts a taken email (409) under the email input', async () => {
    mockApi({
      'GET /me': adminSession,
      'GET /users': users,
      'POST /users': () => jsonResponse(409, { error: { code: 'conflict', message: 'That email is already in use.' } }),
    })
    renderApp('/admin/users')

    const dialog = await openAndFill()

    expect(await dialog.findByRole('alert')).toHaveTextContent('That email is already in use.')
    expect(dialog.getByLabelText(/Email/)).toHaveAccessibleDescription('That email is already in use.')
  })

  it('creates a member with the chosen language and refreshes the list', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /users': users,
      'POST /users': () => jsonResponse(201, aUser({ id: 'u-lin', email: 'lin@summit.example', name: 'Lin Wei', role: 'member' })),
    })
    renderApp('/admin/users')

    await openAndFill()

    await screen.findByRole('button', { name: 'New user' })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(requestsTo(fetchMock, 'POST /users')[0]?.body).toEqual({
      email: 'lin@summit.example',
      name: 'Lin Wei',
      role: 'member',
      locale: 'en',
      password: 'long-enough-password',
    })
    expect(requestsTo(fetchMock, 'GET /users').length).toBeGreaterThanOrEqual(2)
  })
})
