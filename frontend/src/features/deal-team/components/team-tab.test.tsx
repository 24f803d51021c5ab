import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

// The page's code now loads inside the test (a lazy route), not with the file: room for a busy machine.
const SLOW = { timeout: 45_000 }
const routes = { 'GET /me': pmoSession, 'GET /teams': teamsPage, 'GET /users': usersPage }

function row(name: string): HTMLElement {
  return screen.getAllByRole('row').find((tr) => within(tr).queryByText(name))!
}

describe('deal team tab', () => {
  it('adds a person, toggles roles, removes one and saves the team with the deal’s version', SLOW, async () => {
    const fetchMock = mockApi({
      ...routes,
      'GET /deals/d-1': aDeal(),
      'PUT /deals/d-1/team': () => jsonResponse(200, aDeal({ version: 5 })),
    })
    renderApp('/deals/d-1/team')
    await screen.findByRole('cell', { name: 'am@summit.example' })
    expect(screen.getByRole('button', { name: 'Save team' })).toBeDisabled()

    await userEvent.click(screen.getByRole('combobox', { name: 'Add a person' }))
    await userEvent.click(await screen.findByRole('option', { name: /Chen Jie/ }))
    // A new person needs a role before the team can be saved.
    expect(screen.getByText('Pick at least one role.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save team' })).toBeDisabled()
    await userEvent.click(within(row('Chen Jie')).getByRole('checkbox', { name: 'Solution' }))
    await userEvent.click(within(row('Li Wei')).getByRole('checkbox', { name: 'Business' }))
    await userEvent.click(screen.getByRole('button', { name: 'Remove Wang Fang' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save team' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PUT /deals/d-1/team')).toHaveLength(1))
    const [put] = requestsTo(fetchMock, 'PUT /deals/d-1/team')
    expect(put?.body).toEqual([
      { user_id: 'u-pmo', role: 'pmo' },
      { user_id: 'u-pmo', role: 'business' },
      { user_id: 'u-sol', role: 'solution' },
    ])
    expect(put?.headers.get('If-Match')).toBe('"4"')
    // The deal is fetched again: the version moved, and so may the caller's permissions.
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1').length).toBeGreaterThanOrEqual(2))
  })

  it('does not save a team without a PMO and says why', SLOW, async () => {
    const fetchMock = mockApi({ ...routes, 'GET /deals/d-1': aDeal() })
    renderApp('/deals/d-1/team')
    await screen.findByRole('cell', { name: 'am@summit.example' })

    // Li Wei, the only PMO, becomes business only: everyone has a role, nobody runs the deal.
    await userEvent.click(within(row('Li Wei')).getByRole('checkbox', { name: 'Business' }))
    await userEvent.click(within(row('Li Wei')).getByRole('checkbox', { name: 'PMO' }))

    expect(screen.queryByText('Pick at least one role.')).not.toBeInTheDocument()
    expect(screen.getByText('Keep at least one PMO on the deal team: someone has to run the deal and its plan.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save team' })).toBeDisabled()
    expect(requestsTo(fetchMock, 'PUT /deals/d-1/team')).toHaveLength(0)
  })

  it('keeps the edits on a 412 and saves them on the reloaded version', SLOW, async () => {
    let version = 4
    const fetchMock = mockApi({
      ...routes,
      'GET /deals/d-1': () => jsonResponse(200, aDeal({ version })),
      'PUT /deals/d-1/team': ({ headers }: { headers: Headers }) =>
        headers.get('If-Match') === '"7"'
          ? jsonResponse(200, aDeal({ version: 8 }))
          : jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderApp('/deals/d-1/team')
    await screen.findByRole('cell', { name: 'am@summit.example' })

    await userEvent.click(screen.getByRole('button', { name: 'Remove Wang Fang' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save team' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this — reload to see their change.')

    version = 7
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1').length).toBeGreaterThanOrEqual(2))
    expect(screen.queryByRole('cell', { name: 'am@summit.example' })).not.toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Save team' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PUT /deals/d-1/team')).toHaveLength(2))
    expect(requestsTo(fetchMock, 'PUT /deals/d-1/team')[1]?.headers.get('If-Match')).toBe('"7"')
    expect(requestsTo(fetchMock, 'PUT /deals/d-1/team')[1]?.body).toEqual([{ user_id: 'u-pmo', role: 'pmo' }])
  })

  it('shows the team read-only without deal.team:write', async () => {
    mockApi({ ...routes, 'GET /deals/d-1': aDeal({ permissions: ['deal:read', 'deal.team:read'] }) })
    renderApp('/deals/d-1/team')

    await screen.findByRole('table', { name: 'Deal team' })
    expect(await screen.findByText('am@summit.example')).toBeInTheDocument()
    expect(screen.getByText('Business')).toBeInTheDocument()
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save team' })).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Add a person' })).not.toBeInTheDocument()
  })
})
