import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminSession, aUser } from '../../../test/fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

const lin = aUser({ id: 'u-lin', email: 'lin@summit.example', name: 'Lin Wei', role: 'member', version: 2 })

describe('users page', () => {
  it('loads the next page with the cursor and keeps the filter in the URL', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /users': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('cursor') ? { items: [lin], next_cursor: null } : { items: [aUser()], next_cursor: 'c2' }),
    })
    const { router } = renderApp('/admin/users?active=true')

    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }))

    expect(await screen.findByText('lin@summit.example')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    const [first, second] = requestsTo(fetchMock, 'GET /users')
    expect(first?.query.get('active')).toBe('true')
    expect(second?.query.get('cursor')).toBe('c2')
    expect(router.state.location.search).toBe('?active=true')
  })

  it('deactivates after a confirm that says sessions and tokens stop at once', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /users': { items: [aUser(), lin], next_cursor: null },
      'PATCH /users/u-lin': () => jsonResponse(200, { ...lin, active: false, version: 3 }),
    })
    renderApp('/admin/users')

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Lin Wei' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Deactivate' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Deactivate Lin Wei?' }))
    expect(dialog.getByText(/their sessions and tokens stop working at once/)).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Deactivate' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [patch] = requestsTo(fetchMock, 'PATCH /users/u-lin')
    expect(patch?.body).toEqual({ active: false })
    expect(patch?.headers.get('If-Match')).toBe('"2"')
  })

  it('offers no deactivation of oneself', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /users': { items: [aUser()], next_cursor: null } })
    renderApp('/admin/users')

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Ada Admin' }))

    expect(await screen.findByRole('menuitem', { name: 'Edit' })).toBeInTheDocument()
    expect(screen.queryByRole('menuitem', { name: 'Deactivate' })).not.toBeInTheDocument()
  })

  it('keeps the edit typed when the save is stale (412) and says to reload', async () => {
    mockApi({
      'GET /me': adminSession,
      'GET /users': { items: [aUser(), lin], next_cursor: null },
      'PATCH /users/u-lin': () => jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderApp('/admin/users')

    await userEvent.click(await screen.findByRole('button', { name: 'Actions for Lin Wei' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Edit' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Lin Wei' }))
    await userEvent.clear(dialog.getByLabelText(/^Name/))
    await userEvent.type(dialog.getByLabelText(/^Name/), 'Lin Wei-Chen')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByRole('alert')).toHaveTextContent('Someone else changed this — reload to see their change.')
    expect(dialog.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(dialog.getByLabelText(/^Name/)).toHaveValue('Lin Wei-Chen')
  })
})
