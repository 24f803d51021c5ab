import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import i18n from '../../i18n'
import { pmoSession, teamsPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import type { MyAction } from './api/types'
import { anAction } from './review-fixtures'

function item(overrides: Partial<MyAction>): MyAction {
  return { kind: 'action', id: 'a-1', deal_id: 'd-1', deal_name: 'City data platform', title: 'Send the revised estimate', due_on: '2026-03-30',
    overdue: false, flagged: false, version: 1, ...overrides }
}

const items = [
  item({ kind: 'next_step', id: 's-1', title: 'Meet over the budget', stakeholder_name: 'Director Zhao', due_on: '2026-03-01', overdue: true, flagged: true, version: 4 }),
  item({ id: 'a-1', title: 'Send the revised estimate', due_on: '2026-03-30', version: 3 }),
  item({ kind: 'next_step', id: 's-2', title: 'Ask for an intro', stakeholder_name: 'Li Lei', due_on: null }),
  item({ id: 'a-9', title: 'Book the demo room', due_on: '2099-05-02', deal_id: 'd-2', deal_name: 'Port logistics' }),
]

describe('my actions page', () => {
  it('groups actions and next steps by deal, overdue and flagged marked, and undoes a done', async () => {
    const fetchMock = mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /me/actions': { items, next_cursor: null },
      'PATCH /actions/a-1': (request: MockRequest) =>
        request.headers.get('If-Match') === '"3"'
          ? jsonResponse(200, anAction({ id: 'a-1', status: 'done', version: 4 }))
          : jsonResponse(200, anAction({ id: 'a-1', status: 'open', version: 5 })),
    })
    renderApp('/actions')

    const city = await screen.findByRole('region', { name: 'City data platform' })
    const port = screen.getByRole('region', { name: 'Port logistics' })
    expect(within(city).getAllByRole('row').map((row) => row.getAttribute('data-kind'))).toEqual(['next_step', 'action', 'next_step'])
    expect(within(port).getAllByRole('row')).toHaveLength(1)
    expect(city.compareDocumentPosition(port) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    const step = within(city).getByRole('row', { name: /Meet over the budget/ })
    expect(step).toHaveTextContent('Next step')
    expect(step).toHaveTextContent('with Director Zhao')
    expect(step).toHaveTextContent('Overdue')
    expect(step).toHaveTextContent('Power map flag')
    expect(within(step).getByRole('link', { name: 'Open Director Zhao on the stakeholders tab' })).toHaveAttribute('href', '/deals/d-1/stakeholders')
    expect(within(city).getByRole('row', { name: /Ask for an intro/ })).toHaveTextContent('No date')
    expect(within(city).getByRole('row', { name: /Ask for an intro/ })).not.toHaveTextContent('Power map flag')

    const action = within(city).getByRole('row', { name: /Send the revised estimate/ })
    await userEvent.click(within(action).getByRole('button', { name: 'Mark “Send the revised estimate” done' }))
    expect(await screen.findByText('“Send the revised estimate” marked done.')).toBeInTheDocument()
    const undo = await within(action).findByRole('button', { name: 'Reopen “Send the revised estimate”' })
    expect(action).toHaveAttribute('data-status', 'done')

    await userEvent.click(undo)
    expect(await screen.findByText('“Send the revised estimate” is open again.')).toBeInTheDocument()
    await waitFor(() => expect(action).toHaveAttribute('data-status', 'open'))
    const patches = requestsTo(fetchMock, 'PATCH /actions/a-1')
    expect(patches.map((p) => [p.body, p.headers.get('If-Match')])).toEqual([
      [{ status: 'done' }, '"3"'],
      [{ status: 'open' }, '"4"'],
    ])
  })

  it('pages with Load more and keeps a deal together across pages', async () => {
    const fetchMock = mockApi({
      'GET /me': pmoSession,
      'GET /teams': teamsPage,
      'GET /me/actions': (request: MockRequest) =>
        request.query.get('cursor') === 'c2'
          ? jsonResponse(200, { items: items.slice(2), next_cursor: null })
          : jsonResponse(200, { items: items.slice(0, 2), next_cursor: 'c2' }),
    })
    renderApp('/actions')
    const city = await screen.findByRole('region', { name: 'City data platform' })
    expect(within(city).getAllByRole('row')).toHaveLength(2)
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(within(city).getAllByRole('row')).toHaveLength(3))
    expect(screen.getAllByRole('region', { name: 'City data platform' })).toHaveLength(1)
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /me/actions')).toHaveLength(2)
  })

  it('says so when there is nothing to do, in Chinese too', async () => {
    mockApi({ 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /me/actions': { items: [], next_cursor: null } })
    renderApp('/actions')
    expect(await screen.findByText('You have no open action items. Well done.')).toBeInTheDocument()
    await i18n.changeLanguage('zh-CN')
    expect(await screen.findByText('您没有未完成的行动项，做得好。')).toBeInTheDocument()
  })
})
