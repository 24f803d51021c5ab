import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { adminSession } from '../../../test/fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

// The page's code now loads inside the test (a lazy route), not with the file: room for a busy machine.
const SLOW = { timeout: 45_000 }
const routes = {
  'GET /teams': teamsPage,
  'GET /users': usersPage,
  'GET /deals/d-1': aDeal(),
  'GET /deals/d-1/activity': { items: [], next_cursor: null },
}

async function openStatusDialog() {
  await userEvent.click(await screen.findByRole('button', { name: 'Change status' }))
  return within(await screen.findByRole('dialog', { name: /Change the status of/ }))
}

describe('change deal status', () => {
  it('requires a reason for lost, then sends it with the deal’s version', SLOW, async () => {
    const fetchMock = mockApi({ ...routes, 'GET /me': pmoSession, 'PATCH /deals/d-1': () => jsonResponse(200, aDeal({ status: 'lost', version: 5 })) })
    renderApp('/deals/d-1/activity')
    const dialog = await openStatusDialog()

    await userEvent.click(dialog.getByRole('radio', { name: /^Lost/ }))
    await userEvent.click(dialog.getByRole('button', { name: 'Change status' }))

    expect(await dialog.findByText('Say why, so the team can learn from it.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'PATCH /deals/d-1')).toHaveLength(0)

    await userEvent.type(dialog.getByRole('textbox', { name: /^Reason/ }), 'Budget moved to 2028')
    await userEvent.click(dialog.getByRole('button', { name: 'Change status' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [patch] = requestsTo(fetchMock, 'PATCH /deals/d-1')
    expect(patch?.body).toEqual({ status: 'lost', status_reason: 'Budget moved to 2028' })
    expect(patch?.headers.get('If-Match')).toBe('"4"')
  })

  it('shows the contract-gate rule and lets an admin override it with a note', SLOW, async () => {
    const gate = 'can be won only when the contract-signing gate is done (or an admin overrides with a note)'
    const fetchMock = mockApi({
      ...routes,
      'GET /me': adminSession,
      'PATCH /deals/d-1': ({ body }: { body: unknown }) =>
        (body as { override_gate?: boolean }).override_gate
          ? jsonResponse(200, aDeal({ status: 'won', version: 5 }))
          : jsonResponse(422, { error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { status: gate } } }),
    })
    renderApp('/deals/d-1/activity')
    const dialog = await openStatusDialog()
    expect(dialog.queryByRole('checkbox', { name: /Override/ })).not.toBeInTheDocument()

    await userEvent.click(dialog.getByRole('button', { name: 'Change status' }))
    expect(await dialog.findByText(gate)).toBeInTheDocument()

    await userEvent.click(dialog.getByRole('checkbox', { name: /Override the contract gate/ }))
    await userEvent.type(dialog.getByRole('textbox', { name: /^Reason/ }), 'Signed on paper, gate entered late')
    await userEvent.click(dialog.getByRole('button', { name: 'Change status' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'PATCH /deals/d-1')[1]?.body).toEqual({
      status: 'won',
      status_reason: 'Signed on paper, gate entered late',
      override_gate: true,
    })
  })

  it('offers no override to members', SLOW, async () => {
    mockApi({
      ...routes,
      'GET /me': pmoSession,
      'PATCH /deals/d-1': () =>
        jsonResponse(422, { error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { status: 'gate open' } } }),
    })
    renderApp('/deals/d-1/activity')
    const dialog = await openStatusDialog()

    await userEvent.click(dialog.getByRole('button', { name: 'Change status' }))

    expect(await dialog.findByText('gate open')).toBeInTheDocument()
    expect(dialog.queryByRole('checkbox')).not.toBeInTheDocument()
  })
})
