import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { pmoSession, teamsPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import { anAction } from './review-fixtures'

describe('my actions page', () => {
  it('lists the open actions across deals and completes one with its version', async () => {
    let open = [
      anAction({ id: 'a-1', title: 'Send the revised estimate', due_on: '2026-03-30', overdue: true, version: 3, deal_id: 'd-1', deal_name: 'City data platform' }),
      anAction({ id: 'a-9', title: 'Book the demo room', due_on: '2099-05-02', version: 1, deal_id: 'd-2', deal_name: 'Port logistics' }),
    ]
    const fetchMock = mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /me/actions': () => jsonResponse(200, { items: open, next_cursor: null }),
      'PATCH /actions/a-1': () => {
        open = open.filter((action) => action.id !== 'a-1')
        return jsonResponse(200, anAction({ id: 'a-1', status: 'done', version: 4 }))
      },
    })
    renderApp('/actions')

    const table = await screen.findByRole('table', { name: 'My actions' })
    const row = within(table).getByRole('row', { name: /Send the revised estimate/ })
    expect(row).toHaveTextContent('Overdue')
    expect(within(row).getByRole('link', { name: 'City data platform' })).toHaveAttribute('href', '/deals/d-1/retrospectives')
    expect(within(table).getByRole('link', { name: 'Port logistics' })).toHaveAttribute('href', '/deals/d-2/retrospectives')

    await userEvent.click(within(row).getByRole('button', { name: 'Mark “Send the revised estimate” done' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /actions/a-1')).toHaveLength(1))
    const [patch] = requestsTo(fetchMock, 'PATCH /actions/a-1')
    expect(patch?.body).toEqual({ status: 'done' })
    expect(patch?.headers.get('If-Match')).toBe('"3"')
    await waitFor(() => expect(screen.queryByText('Send the revised estimate')).not.toBeInTheDocument())
    expect(screen.getByText('Book the demo room')).toBeInTheDocument()
  })

  it('says so when there is nothing to do', async () => {
    mockApi({ 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /me/actions': { items: [], next_cursor: null } })
    renderApp('/actions')
    expect(await screen.findByText('You have no open action items. Well done.')).toBeInTheDocument()
  })
})
