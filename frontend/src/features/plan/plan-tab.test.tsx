import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo, type MockRequest } from '../../test/mock-api'
import { jsonResponse } from '../../test/render'
import { aMilestone, baseline, plan, renderPlanTab } from './plan-fixtures'

const planRoutes = {
  'GET /deals/d-1/milestones': { items: plan, next_cursor: null },
  'GET /deals/d-1/baselines': { items: [baseline], next_cursor: null },
}

async function openDrawer(name: string) {
  await userEvent.click(await screen.findByRole('button', { name: new RegExp(`^\\d+\\. ${name}$`) }))
  return within(await screen.findByRole('dialog'))
}

describe('plan tab', () => {
  it('draws the plan as a Gantt chart with ghosts, gates, arrows, slip and today', async () => {
    mockApi(planRoutes)
    const { container } = renderPlanTab()

    expect(await screen.findByRole('group', { name: 'Plan timeline' })).toBeInTheDocument()
    expect(container.querySelectorAll('[data-milestone-id]')).toHaveLength(3)
    expect(container.querySelectorAll('[data-ghost]')).toHaveLength(3)
    expect(container.querySelectorAll('[data-gate]')).toHaveLength(1)
    expect(container.querySelector('[data-arrow="m-1>m-2"]')).not.toBeNull()
    expect(container.querySelector('[data-testid="today-line"]')).not.toBeNull()
    expect(screen.getAllByText('+7d').length).toBeGreaterThan(0)
  })

  it('shows the server’s dependency cycle under "Depends on"', async () => {
    const cycle = 'would create a cycle: Budget support → Tender response → Budget support'
    const fetchMock = mockApi({
      ...planRoutes,
      'PATCH /milestones/m-2': () => jsonResponse(422, { error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { depends_on: cycle } } }),
    })
    renderPlanTab()

    const drawer = await openDrawer('Budget support')
    await userEvent.click(drawer.getByRole('combobox', { name: 'Depends on' }))
    await userEvent.click(await screen.findByRole('option', { name: '3. Tender response' }))
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    const field = drawer.getByRole('combobox', { name: 'Depends on' })
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(drawer.getByText(cycle)).toBeInTheDocument()
    expect(field.getAttribute('aria-describedby')).toContain(drawer.getByText(cycle).id)
    const [patch] = requestsTo(fetchMock, 'PATCH /milestones/m-2')
    expect(patch?.body).toEqual({ depends_on: ['m-1', 'm-3'] })
    expect(patch?.headers.get('If-Match')).toBe('"5"')
  })

  it('on a 412 shows their values beside the typed ones, keeps the typed ones, and "Use mine" saves on their version', async () => {
    const theirs = { ...plan[1]!, weight: 8, exit_criteria: 'Budget line approved', version: 6 }
    let attempts = 0
    const fetchMock = mockApi({
      ...planRoutes,
      'GET /milestones/m-2': () => jsonResponse(200, theirs, { ETag: '"6"' }),
      'PATCH /milestones/m-2': () =>
        ++attempts === 1
          ? jsonResponse(412, { error: { code: 'stale_version', message: 'Changed meanwhile.' } })
          : jsonResponse(200, { ...theirs, exit_criteria: 'In the approved budget', version: 7 }),
    })
    renderPlanTab()

    const drawer = await openDrawer('Budget support')
    await userEvent.type(drawer.getByRole('textbox', { name: 'Exit criteria' }), 'In the approved budget')
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    const conflict = within(await drawer.findByRole('table', { name: 'Someone else changed this milestone' }))
    const criteria = conflict.getByRole('row', { name: /Exit criteria/ })
    expect(criteria).toHaveTextContent('In the approved budget')
    expect(criteria).toHaveTextContent('Budget line approved')
    expect(conflict.getByRole('row', { name: /Weight/ })).toHaveTextContent(/10\s*8/)
    expect(drawer.getByRole('textbox', { name: 'Exit criteria' })).toHaveValue('In the approved budget')

    await userEvent.click(drawer.getByRole('button', { name: 'Use mine' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [, retry] = requestsTo(fetchMock, 'PATCH /milestones/m-2')
    expect(retry?.headers.get('If-Match')).toBe('"6"')
    expect(retry?.body).toEqual({ exit_criteria: 'In the approved budget' }) // their weight stays
  })

  it('"Take theirs" puts their values in the form', async () => {
    mockApi({
      ...planRoutes,
      'GET /milestones/m-2': () => jsonResponse(200, { ...plan[1]!, name: 'Budget (theirs)', version: 6 }),
      'PATCH /milestones/m-2': () => jsonResponse(412, { error: { code: 'stale_version', message: 'Changed meanwhile.' } }),
    })
    renderPlanTab()

    const drawer = await openDrawer('Budget support')
    await userEvent.clear(drawer.getByRole('textbox', { name: 'Name' }))
    await userEvent.type(drawer.getByRole('textbox', { name: 'Name' }), 'Budget (mine)')
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))
    await userEvent.click(await drawer.findByRole('button', { name: 'Take theirs' }))

    expect(drawer.getByRole('textbox', { name: 'Name' })).toHaveValue('Budget (theirs)')
    expect(drawer.getByRole('button', { name: 'Save' })).toBeInTheDocument()
  })

  it('previews new dates from the drawer, lists the moves and applies them with If-Match', async () => {
    const fetchMock = mockApi({
      ...planRoutes,
      'POST /milestones/m-1/reschedule/preview': {
        moves: [
          { milestone_id: 'm-1', name: 'Need shaping', from_start: '2026-03-02', from_due: '2026-03-13', to_start: '2026-03-02', to_due: '2026-03-20', shift_days: 7, version: 3, allowed: true },
          { milestone_id: 'm-2', name: 'Budget support', from_start: '2026-03-16', from_due: '2026-03-27', to_start: '2026-03-23', to_due: '2026-04-03', shift_days: 7, version: 5, allowed: true },
        ],
      },
      'POST /milestones/m-1/reschedule': { moves: [] },
    })
    renderPlanTab()

    const drawer = await openDrawer('Need shaping')
    fireEvent.change(drawer.getByLabelText(/^Planned due/), { target: { value: '2026-03-20' } })
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule Need shaping' }))
    const moved = await dialog.findByRole('row', { name: /Budget support/ })
    expect(moved).toHaveTextContent('Mar 16, 2026 – Mar 27, 2026')
    expect(moved).toHaveTextContent('→ Mar 23, 2026 – Apr 3, 2026')
    expect(moved).toHaveTextContent('+7d')
    expect(requestsTo(fetchMock, 'POST /milestones/m-1/reschedule/preview')[0]?.body).toEqual({ planned_start: '2026-03-02', planned_due: '2026-03-20' })
    expect(requestsTo(fetchMock, 'PATCH /milestones/m-1')).toHaveLength(0)

    await userEvent.click(dialog.getByRole('button', { name: 'Apply' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [apply] = requestsTo(fetchMock, 'POST /milestones/m-1/reschedule')
    expect(apply?.headers.get('If-Match')).toBe('"3"')
    expect(apply?.body).toEqual({ planned_start: '2026-03-02', planned_due: '2026-03-20' })
  })

  it('marks the moves the caller may not make and does not offer to apply them', async () => {
    const fetchMock = mockApi({
      ...planRoutes,
      'POST /milestones/m-1/reschedule/preview': {
        moves: [
          { milestone_id: 'm-1', name: 'Need shaping', from_start: '2026-03-02', from_due: '2026-03-13', to_start: '2026-03-02', to_due: '2026-03-20', shift_days: 7, version: 3, allowed: true },
          { milestone_id: 'm-2', name: 'Budget support', from_start: '2026-03-16', from_due: '2026-03-27', to_start: '2026-03-23', to_due: '2026-04-03', shift_days: 7, version: 5, allowed: false },
        ],
      },
    })
    renderPlanTab()

    const drawer = await openDrawer('Need shaping')
    fireEvent.change(drawer.getByLabelText(/^Planned due/), { target: { value: '2026-03-20' } })
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule Need shaping' }))
    expect(await dialog.findByRole('row', { name: /Budget support.*not yours to move/ })).toBeInTheDocument()
    expect(dialog.getByRole('row', { name: /Need shaping/ })).not.toHaveTextContent('not yours to move')
    expect(dialog.getByText(/would move a milestone you may not move/)).toBeInTheDocument()
    expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled()
    expect(dialog.getByRole('button', { name: 'Move only this milestone' })).toBeEnabled()
    expect(requestsTo(fetchMock, 'POST /milestones/m-1/reschedule')).toHaveLength(0)
  })

  it('drags a bar by whole days into the reschedule dialog; "Move only this milestone" patches its dates', async () => {
    const fetchMock = mockApi({
      ...planRoutes,
      'POST /milestones/m-2/reschedule/preview': ({ body }: MockRequest) => {
        const { planned_start, planned_due } = body as { planned_start: string; planned_due: string }
        return jsonResponse(200, {
          moves: [
            { milestone_id: 'm-2', name: 'Budget support', from_start: '2026-03-16', from_due: '2026-03-27', to_start: planned_start, to_due: planned_due, shift_days: 3, version: 5, allowed: true },
            { milestone_id: 'm-3', name: 'Tender response', from_start: '2026-03-30', from_due: '2026-04-03', to_start: '2026-04-02', to_due: '2026-04-08', shift_days: 5, version: 1, allowed: true },
          ],
        })
      },
      'PATCH /milestones/m-2': () => jsonResponse(200, { ...plan[1], version: 6 }),
    })
    const { container } = renderPlanTab(undefined, '?zoom=week') // 24 px a day

    await screen.findByRole('group', { name: 'Plan timeline' })
    const bar = container.querySelector('[data-milestone-id="m-2"]')!
    fireEvent.pointerDown(bar, { button: 0, clientX: 100, pointerId: 1 })
    fireEvent.pointerMove(bar, { clientX: 150, pointerId: 1 })
    fireEvent.pointerMove(bar, { clientX: 173, pointerId: 1 })
    fireEvent.pointerUp(bar, { clientX: 173, pointerId: 1 })

    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule Budget support' }))
    expect(await dialog.findByRole('row', { name: /Tender response/ })).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'POST /milestones/m-2/reschedule/preview')[0]?.body).toEqual({ planned_start: '2026-03-19', planned_due: '2026-03-30' })

    await userEvent.click(dialog.getByRole('button', { name: 'Move only this milestone' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [patch] = requestsTo(fetchMock, 'PATCH /milestones/m-2')
    expect(patch?.body).toEqual({ planned_start: '2026-03-19', planned_due: '2026-03-30' })
    expect(patch?.headers.get('If-Match')).toBe('"5"')
  })

  it('is read-only without deal.plan:write: no dragging, adding, importing, baselines or saving', async () => {
    mockApi(planRoutes)
    const { container } = renderPlanTab(['deal:read', 'deal.plan:read'])

    expect(await screen.findByText('You can view this plan but not change it.')).toBeInTheDocument()
    expect(container.querySelectorAll('[data-milestone-id]')).toHaveLength(3)
    expect(container.querySelectorAll('[data-draggable], [data-resize-handle]')).toHaveLength(0)
    expect(screen.queryByRole('button', { name: 'Add milestone' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Import CSV/XLSX' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Take baseline' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Export XLSX' })).toHaveAttribute('href', '/api/v1/deals/d-1/plan.xlsx?lang=en')

    const drawer = await openDrawer('Need shaping')
    expect(drawer.getByRole('textbox', { name: 'Name' })).toBeDisabled()
    expect(drawer.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
    expect(drawer.queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument()
  })

  it('leaves owner role, weight, gate and dependencies to the PMO when the solution role edits its milestone', async () => {
    mockApi(planRoutes)
    renderPlanTab(['deal:read', 'deal.plan.solution:write'])

    const drawer = await openDrawer('Tender response')
    expect(drawer.getByText('Owner role, weight, gate and dependencies are the deal’s PMO’s to change.')).toBeInTheDocument()
    expect(drawer.getByRole('textbox', { name: 'Weight' })).toBeDisabled()
    expect(drawer.getByRole('checkbox', { name: /Gate/ })).toBeDisabled()
    expect(drawer.getByRole('textbox', { name: 'Name' })).toBeEnabled()
    expect(drawer.getByLabelText(/^Planned due/)).toBeEnabled()
  })

  it('lets the solution role edit only solution milestones, in the table too', async () => {
    mockApi(planRoutes)
    const { container } = renderPlanTab(['deal:read', 'deal.plan.solution:write'], '?view=table')

    expect(await screen.findByRole('button', { name: 'Edit Tender response' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit Need shaping' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Move .* up/ })).not.toBeInTheDocument()
    expect(container.querySelectorAll('[data-draggable]')).toHaveLength(0) // table view: no chart
  })

  it('reorders with the move buttons and switches views through the URL', async () => {
    const fetchMock = mockApi({ ...planRoutes, 'PUT /deals/d-1/milestones/order': { items: plan, next_cursor: null } })
    const { router } = renderPlanTab()

    await userEvent.click(await screen.findByRole('radio', { name: 'Table' }))
    expect(router.state.location.search).toBe('?view=table')
    await userEvent.click(await screen.findByRole('button', { name: 'Move Tender response up' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PUT /deals/d-1/milestones/order')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'PUT /deals/d-1/milestones/order')[0]?.body).toEqual({ milestone_ids: ['m-1', 'm-3', 'm-2'] })
  })

  it('marks a milestone done with today as the default completion date', async () => {
    const fetchMock = mockApi({ ...planRoutes, 'PATCH /milestones/m-1': () => jsonResponse(200, aMilestone({ status: 'done', version: 4 })) })
    renderPlanTab()

    const drawer = await openDrawer('Need shaping')
    await userEvent.click(drawer.getByRole('combobox', { name: 'Status' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Done' }))
    expect(drawer.getByLabelText(/^Completed on/)).toHaveValue(new Date().toLocaleDateString('en-CA'))
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /milestones/m-1')).toHaveLength(1))
    expect(requestsTo(fetchMock, 'PATCH /milestones/m-1')[0]?.body).toEqual({ status: 'done', completed_on: new Date().toLocaleDateString('en-CA') })
  })

  it('imports by merging unless told to replace, and lists a rejected file’s cells by row and column', async () => {
    const fetchMock = mockApi({
      ...planRoutes,
      'POST /deals/d-1/milestones/import': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { 'rows[3].planned_due': 'must not be before the planned start', 'rows[5].owner_role': 'must be one of: pmo business solution' } },
        }),
    })
    renderPlanTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Import CSV/XLSX' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Import a plan' }))
    expect(dialog.getByRole('radio', { name: /^Merge/ })).toBeChecked()
    expect(dialog.queryByText(/removes every milestone/)).toBeNull()
    await userEvent.click(dialog.getByRole('radio', { name: /^Replace/ }))
    expect(dialog.getByText(/removes every milestone/)).toHaveTextContent('baseline dates')
    expect(dialog.getByRole('button', { name: 'Replace the plan' })).toBeDisabled()
    await userEvent.upload(document.querySelector<HTMLInputElement>('input[type="file"]')!, new File(['seq,name\n'], 'plan.csv', { type: 'text/csv' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Replace the plan' }))

    const problems = within(await dialog.findByRole('table', { name: /not imported/ }))
    expect(problems.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      '3planned_duemust not be before the planned start',
      '5owner_rolemust be one of: pmo business solution',
    ])
    const [upload] = requestsTo(fetchMock, 'POST /deals/d-1/milestones/import')
    expect(upload?.headers.get('Content-Type')).toBeNull() // the browser sets the multipart boundary
    expect(upload?.query.get('mode')).toBe('replace')
  })
})
