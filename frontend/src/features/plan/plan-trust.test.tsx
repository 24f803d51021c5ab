import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { usersPage } from '../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse, renderWithProviders } from '../../test/render'
import { aMilestone, baseline, plan, PMO_PERMISSIONS } from './plan-fixtures'
import { PlanTab } from './plan-tab'

// Trust in the plan: the committed baseline, the target close, assignees and the critical path.
const SLOW = { timeout: 45_000 }
const replan = { ...baseline, id: 'b-2', name: 'Re-plan', committed: false, taken_at: '2026-03-20T09:00:00Z',
  milestones: baseline.milestones.map((m) => (m.milestone_id === 'm-2' ? { ...m, planned_due: '2026-03-27' } : m)) }
const trustedPlan = [
  { ...plan[0]!, critical: true, assignee_id: 'u-pmo' },
  { ...plan[1]!, critical: true, assignee_id: 'u-am' },
  aMilestone({ ...plan[2]!, critical: false }),
]
const routes = {
  'GET /deals/d-1/milestones': { items: trustedPlan, next_cursor: null },
  'GET /deals/d-1/baselines': { items: [replan, baseline], next_cursor: null },
  'GET /users': usersPage,
}

function renderPlan(search = '') {
  const team = [{ user_id: 'u-pmo', role: 'pmo' as const }, { user_id: 'u-am', role: 'business' as const }]
  const router = createMemoryRouter(
    [{ path: '/deals/:id', element: <PlanTab dealId="d-1" permissions={PMO_PERMISSIONS} targetClose="2026-04-10" team={team} /> }],
    { initialEntries: [`/deals/d-1${search}`] },
  )
  return renderWithProviders(<RouterProvider router={router} />)
}

describe('plan trust', () => {
  it('measures against the committed baseline, commits another only with a reason, and compares any two', SLOW, async () => {
    const fetchMock = mockApi({ ...routes, 'POST /deals/d-1/baselines/b-2/commit': () => jsonResponse(200, { ...replan, committed: true, committed_reason: 'Tender moved' }) })
    renderPlan()

    const table = within(await screen.findByRole('table', { name: 'Baselines' }))
    expect(table.getByRole('row', { name: /Kick-off/ })).toHaveTextContent('Committed')
    expect(table.getByRole('row', { name: /Re-plan/ })).not.toHaveTextContent('Committed')
    // The comparison starts from the committed baseline, not the newest one.
    expect(screen.getByRole('table', { name: 'Differences between “Kick-off (committed)” and “Current plan”' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('combobox', { name: 'with' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Re-plan' }))
    const diff = within(await screen.findByRole('table', { name: 'Differences between “Kick-off (committed)” and “Re-plan”' }))
    expect(diff.getByRole('row', { name: /Budget support/ })).toHaveTextContent('+7d')

    await userEvent.click(table.getByRole('button', { name: 'Commit to Re-plan' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Commit to “Re-plan”' }))
    expect(dialog.getByText(/Until now that is “Kick-off”/)).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Commit to this baseline' }))
    expect(await dialog.findByText('Fill this in.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'POST /deals/d-1/baselines/b-2/commit')).toHaveLength(0)
    await userEvent.type(dialog.getByRole('textbox', { name: /Why commit/ }), 'Tender moved')
    await userEvent.click(dialog.getByRole('button', { name: 'Commit to this baseline' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'POST /deals/d-1/baselines/b-2/commit')[0]?.body).toEqual({ reason: 'Tender moved' })
  })

  it('draws the target close and the critical path, and names assignees on the chart and the table', SLOW, async () => {
    mockApi(routes)
    const { container } = renderPlan()

    expect(await screen.findByRole('img', { name: /^Target close: / })).toBeInTheDocument()
    expect(container.querySelectorAll('[data-critical="true"]')).toHaveLength(2)
    expect(await screen.findByRole('button', { name: /^Budget support: .*Assignee: Wang Fang — on the critical path/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^Tender response: / }).getAttribute('aria-label')).not.toMatch(/critical/)
  })

  it('lists the assignee in the table', SLOW, async () => {
    mockApi(routes)
    renderPlan('?view=table')

    const table = within(await screen.findByRole('table', { name: 'Plan' }))
    await waitFor(() => expect(table.getAllByRole('row')[2]).toHaveTextContent(/Budget support.*Wang Fang/))
    const [, first, budget, tender] = table.getAllByRole('row')
    expect(first).toHaveTextContent(/Li Wei/)
    expect(budget).toHaveTextContent('Critical path')
    expect(tender).toHaveTextContent('Unassigned')
    expect(tender).not.toHaveTextContent('Critical path')
  })

  it('offers the deal team as assignees, finds anyone else by search, and saves the choice', SLOW, async () => {
    const fetchMock = mockApi({ ...routes, 'PATCH /milestones/m-3': () => jsonResponse(200, { ...trustedPlan[2]!, assignee_id: 'u-sol', version: 2 }) })
    renderPlan('?view=table')

    await userEvent.click(await screen.findByRole('button', { name: 'Open Tender response' }))
    const drawer = within(await screen.findByRole('dialog'))
    const picker = drawer.getByRole('combobox', { name: 'Assignee' })
    await userEvent.click(picker)
    expect(await screen.findByRole('option', { name: 'Li Wei · PMO' })).toBeInTheDocument()
    expect(screen.getByRole('option', { name: 'Wang Fang · Business' })).toBeInTheDocument()
    expect(screen.queryByRole('option', { name: /Chen Jie/ })).not.toBeInTheDocument()
    await userEvent.type(picker, 'Chen')
    await userEvent.click(await screen.findByRole('option', { name: /Chen Jie/ }))
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /milestones/m-3')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'PATCH /milestones/m-3')[0]?.body).toEqual({ assignee_id: 'u-sol' })
  })
})
