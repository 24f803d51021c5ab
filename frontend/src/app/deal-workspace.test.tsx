import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage, usersPage } from '../test/deal-fixtures'
import { mockApi } from '../test/mock-api'
import { jsonResponse, renderApp } from '../test/render'

const routes = {
  'GET /me': pmoSession,
  'GET /teams': teamsPage,
  'GET /users': usersPage,
  'GET /deals/d-1/activity': { items: [], next_cursor: null },
}

describe('deal workspace', () => {
  it('shows the header: name, status, facts, slippage and the deal team', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal() })
    renderApp('/deals/d-1/activity')

    expect(await screen.findByRole('heading', { level: 1, name: 'City data platform' })).toBeInTheDocument()
    expect(screen.getByText('Open')).toBeInTheDocument()
    expect(screen.getByText('CN¥11,000,000.00')).toBeInTheDocument()
    expect(screen.getByText('Feb 20, 2027')).toBeInTheDocument()
    expect(screen.getByText('Beijing Big Data Bureau')).toBeInTheDocument()
    expect(screen.getByText('Next gate +9 d late')).toBeInTheDocument()
    expect(screen.getByText('Contract +21 d')).toBeInTheDocument()
    expect(await screen.findByRole('group', { name: 'Deal team: Li Wei, Wang Fang' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tab', { name: 'Stakeholders' })).toBeEnabled()
    expect(screen.getByRole('tab', { name: 'Retrospectives' })).toBeEnabled()
  })

  it('hides Edit and Change status without deal:write', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal({ permissions: ['deal:read', 'deal.plan:read', 'deal.team:read'] }) })
    renderApp('/deals/d-1/activity')

    await screen.findByRole('heading', { level: 1, name: 'City data platform' })
    expect(screen.queryByRole('button', { name: 'Edit deal' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Change status' })).not.toBeInTheDocument()
  })

  it('offers Edit and Change status with deal:write', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal() })
    renderApp('/deals/d-1/activity')

    expect(await screen.findByRole('button', { name: 'Edit deal' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Change status' })).toBeInTheDocument()
  })

  it('keeps the open tab in the URL', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal() })
    const { router } = renderApp('/deals/d-1/activity')

    await userEvent.click(await screen.findByRole('tab', { name: 'Team' }))

    expect(router.state.location.pathname).toBe('/deals/d-1/team')
    expect(await screen.findByRole('table', { name: 'Deal team' })).toBeInTheDocument()
  })

  it('sends an unknown tab to the plan', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal() })
    const { router } = renderApp('/deals/d-1/nonsense')

    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/d-1'))
    expect(await screen.findByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true')
  })

  it('says "not found" for a deal the user may not read (404)', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': () => jsonResponse(404, { error: { code: 'not_found', message: 'Not found.' } }) })
    renderApp('/deals/d-1')

    expect(await screen.findByRole('heading', { level: 1, name: 'Deal not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to deals' })).toHaveAttribute('href', '/deals')
  })

  it('edits the deal with its version, sending only what changed', async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /deals/d-1': aDeal(),
      'GET /customers/44444444-4444-4444-8444-444444444444': { id: '44444444-4444-4444-8444-444444444444', name: 'Beijing Big Data Bureau', kind: 'government', region: '', industry: '', version: 1 },
      'GET /customers': { items: [], next_cursor: null },
      'PATCH /deals/d-1': () => jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderApp('/deals/d-1/activity')
    await userEvent.click(await screen.findByRole('button', { name: 'Edit deal' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit City data platform' }))
    await userEvent.clear(dialog.getByRole('textbox', { name: /^Amount/ }))
    await userEvent.type(dialog.getByRole('textbox', { name: /^Amount/ }), '12000000')
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }))

    expect(await dialog.findByRole('alert')).toHaveTextContent('Someone else changed this — reload to see their change.')
    const patch = fetchMock.mock.calls.map(([, init]) => init).find((init) => init?.method === 'PATCH')
    expect(JSON.parse(String(patch?.body))).toEqual({ amount_minor: 1_200_000_000 })
    expect(new Headers(patch?.headers).get('If-Match')).toBe('"4"')
    expect(dialog.getByRole('textbox', { name: /^Amount/ })).toHaveValue('12,000,000')
  }, 20_000)
})
