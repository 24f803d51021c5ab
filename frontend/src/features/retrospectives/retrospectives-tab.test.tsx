import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import { aRetrospective, tabRoutes } from './review-fixtures'

const SLOW = { timeout: 30_000 }

/** Types `text` into `field` in one go (pasting), which keeps long forms quick to fill. */
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field)
  await userEvent.paste(text)
}

async function pick(combobox: HTMLElement, option: string | RegExp) {
  await userEvent.click(combobox)
  await userEvent.click(await screen.findByRole('option', { name: option }))
}

describe('retrospectives tab', () => {
  it('lists retrospectives with their milestone, outcome, answers and actions, and the overdue strip', async () => {
    mockApi(tabRoutes())
    renderApp('/deals/d-1/retrospectives')

    const card = await screen.findByRole('article', { name: /Retrospective of Mar 28, 2026: Budget support/ })
    expect(within(card).getByText('At risk')).toBeInTheDocument()
    expect(within(card).getByText('Our estimate lacked the hardware split')).toBeInTheDocument()
    const overdueRow = within(card).getByRole('row', { name: /Send the revised estimate/ })
    expect(overdueRow).toHaveTextContent('Li Wei')
    expect(overdueRow).toHaveTextContent('Overdue')
    expect(within(card).getByRole('row', { name: /Meet the budget office/ })).toHaveTextContent('Wang Fang')

    const strip = await screen.findByRole('region', { name: 'Overdue actions' })
    expect(strip).toHaveTextContent('Overdue actions (1)')
    expect(strip).toHaveTextContent('Send the revised estimate')
    expect(strip).toHaveTextContent('Li Wei')
    expect(strip).toHaveTextContent('due Mar 30, 2026')

    const decisions = await screen.findByRole('table', { name: 'Gate decisions' })
    expect(within(decisions).getByRole('row', { name: /Budget support/ })).toHaveTextContent(/Go.*Li Wei.*Mar 29, 2026.*Budget line is in the draft.*Hardware split agreed/)
  })

  it('holds a retrospective with action items and shows the server’s error under an action’s due date', SLOW, async () => {
    const message = 'must be on or after held_on'
    const fetchMock = mockApi({
      ...tabRoutes(),
      'POST /deals/d-1/retrospectives': () =>
        jsonResponse(422, { error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { 'actions[1].due_on': message } } }),
    })
    renderApp('/deals/d-1/retrospectives')

    await userEvent.click(await screen.findByRole('button', { name: 'Hold a retrospective' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Hold a retrospective' }))
    await pick(dialog.getByRole('combobox', { name: 'Milestone' }), '2. Budget support (gate)')
    fireEvent.change(dialog.getByLabelText(/^Held on/), { target: { value: '2026-04-02' } })
    await pick(dialog.getByRole('combobox', { name: 'Outcome' }), 'Off track')
    await fill(dialog.getByRole('textbox', { name: /^Planned/ }), 'Approval in March')
    await fill(dialog.getByRole('textbox', { name: /^What happened/ }), 'Slipped to April')
    await fill(dialog.getByRole('textbox', { name: 'Cause of the gap' }), 'Late estimate')
    await fill(dialog.getByRole('textbox', { name: /^Next/ }), 'Resubmit')

    await userEvent.click(dialog.getByRole('button', { name: '+ Add an action item' }))
    await userEvent.click(dialog.getByRole('button', { name: '+ Add an action item' }))
    const first = within(dialog.getByRole('group', { name: 'Action 1' }))
    await fill(first.getByRole('textbox', { name: /^Action/ }), 'Call the bureau')
    await pick(first.getByRole('combobox', { name: 'Owner' }), 'Wang Fang')
    fireEvent.change(first.getByLabelText(/^Due on/), { target: { value: '2026-04-09' } })
    const second = within(dialog.getByRole('group', { name: 'Action 2' }))
    await fill(second.getByRole('textbox', { name: /^Action/ }), 'Revise the estimate')
    await pick(second.getByRole('combobox', { name: 'Owner' }), 'Li Wei')
    fireEvent.change(second.getByLabelText(/^Due on/), { target: { value: '2026-03-01' } })
    await userEvent.click(dialog.getByRole('button', { name: 'Hold retrospective' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'POST /deals/d-1/retrospectives')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'POST /deals/d-1/retrospectives')[0]?.body).toEqual({
      milestone_id: 'm-2',
      held_on: '2026-04-02',
      planned: 'Approval in March',
      happened: 'Slipped to April',
      gap_cause: 'Late estimate',
      next: 'Resubmit',
      outcome: 'off_track',
      actions: [
        { title: 'Call the bureau', owner_id: 'u-am', due_on: '2026-04-09', status: 'open' },
        { title: 'Revise the estimate', owner_id: 'u-pmo', due_on: '2026-03-01', status: 'open' },
      ],
    })
    const due = second.getByLabelText(/^Due on/)
    await waitFor(() => expect(due).toHaveAttribute('aria-invalid', 'true'))
    expect(due.getAttribute('aria-describedby')).toContain(second.getByText(message).id)
    expect(first.getByLabelText(/^Due on/)).not.toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('dialog', { name: 'Hold a retrospective' })).toBeInTheDocument()
  })

  it('edits a retrospective with its version, keeping action ids, and keeps the typed text on a 412', SLOW, async () => {
    let attempts = 0
    const fetchMock = mockApi({
      ...tabRoutes(),
      'PUT /retrospectives/r-1': () =>
        ++attempts === 1
          ? jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } })
          : jsonResponse(200, aRetrospective({ version: 6 })),
    })
    renderApp('/deals/d-1/retrospectives')

    const card = await screen.findByRole('article', { name: /Budget support/ })
    await userEvent.click(within(card).getByRole('button', { name: 'Edit' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit the retrospective' }))
    const next = dialog.getByRole('textbox', { name: /^Next/ })
    await userEvent.clear(next)
    await userEvent.type(next, 'Resubmit on Monday')
    await userEvent.click(dialog.getByRole('button', { name: 'Remove action 2' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByRole('alert')).toHaveTextContent('Someone else changed this')
    expect(next).toHaveValue('Resubmit on Monday')
    const [put] = requestsTo(fetchMock, 'PUT /retrospectives/r-1')
    expect(put?.headers.get('If-Match')).toBe('"5"')
    expect(put?.body).toMatchObject({
      milestone_id: 'm-2',
      next: 'Resubmit on Monday',
      actions: [{ id: 'a-1', title: 'Send the revised estimate', owner_id: 'u-pmo', due_on: '2026-03-30', status: 'open' }],
    })

    await userEvent.click(dialog.getByRole('button', { name: 'Reload' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'PUT /retrospectives/r-1')).toHaveLength(2)
  })

  it('marks an action done with the action’s version', async () => {
    const fetchMock = mockApi({ ...tabRoutes(), 'PATCH /actions/a-1': () => jsonResponse(200, {}) })
    renderApp('/deals/d-1/retrospectives')

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Send the revised estimate” done' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /actions/a-1')).toHaveLength(1))
    const [patch] = requestsTo(fetchMock, 'PATCH /actions/a-1')
    expect(patch?.body).toEqual({ status: 'done' })
    expect(patch?.headers.get('If-Match')).toBe('"3"')
  })

  it('is read-only without permissions, but an action’s owner may still close it', async () => {
    mockApi(tabRoutes(['deal:read', 'deal.retrospectives:read']))
    renderApp('/deals/d-1/retrospectives')

    await screen.findByRole('article', { name: /Budget support/ })
    expect(screen.getByText('You can read these retrospectives but not hold or change them.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Hold a retrospective' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Record a gate decision' })).not.toBeInTheDocument()
    // The signed-in PMO owns the first action, not the second.
    expect(screen.getByRole('checkbox', { name: 'Mark “Send the revised estimate” done' })).toBeEnabled()
    expect(screen.getByRole('checkbox', { name: 'Mark “Meet the budget office” done' })).toBeDisabled()
  })

  it('deletes a retrospective after confirming, with its version', async () => {
    const fetchMock = mockApi({ ...tabRoutes(), 'DELETE /retrospectives/r-1': () => new Response(null, { status: 204 }) })
    renderApp('/deals/d-1/retrospectives')

    await userEvent.click(within(await screen.findByRole('article', { name: /Budget support/ })).getByRole('button', { name: 'Delete' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete this retrospective?' }))
    expect(dialog.getByText('Its action items (2) go with it. This cannot be undone.')).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Delete retrospective' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'DELETE /retrospectives/r-1')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'DELETE /retrospectives/r-1')[0]?.headers.get('If-Match')).toBe('"5"')
  })
})
