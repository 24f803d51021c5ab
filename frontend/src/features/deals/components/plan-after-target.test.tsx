import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

// The plan and the target close disagree: the deal header, the deals list and New deal say so.
const SLOW = { timeout: 45_000 }
const late = { milestone_id: 'm-9', name: 'Contract signing', name_zh: '合同签订', planned_due: '2027-03-10', days_after: 18 }
const base = {
  'GET /me': pmoSession,
  'GET /teams': teamsPage,
  'GET /users': usersPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
}

describe('plan after the target close', () => {
  it('warns in the deal header and moves the target close onto the gate in one click', SLOW, async () => {
    const fetchMock = mockApi({
      ...base,
      'GET /deals/d-1': aDeal({ plan_after_target: late }),
      'GET /deals/d-1/activity': { items: [], next_cursor: null },
      'PATCH /deals/d-1': () => jsonResponse(200, aDeal({ target_close_date: '2027-03-10', version: 5 })),
    })
    renderApp('/deals/d-1/activity')

    const alert = within(await screen.findByTestId('plan-after-target'))
    expect(alert.getByText(/Contract signing is planned for .*18 days after the target close/)).toBeInTheDocument()
    expect(alert.getByRole('link', { name: /^Move Contract signing to/ })).toHaveAttribute('href', '/deals/d-1/plan?fit=m-9')
    await userEvent.click(alert.getByRole('button', { name: /^Move target close to/ }))

    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /deals/d-1')).toHaveLength(1))
    const [patch] = requestsTo(fetchMock, 'PATCH /deals/d-1')
    expect(patch?.body).toEqual({ target_close_date: '2027-03-10' })
    expect(patch?.headers.get('If-Match')).toBe('"4"')
  })

  it('marks the deals whose plan runs past their target in the list', SLOW, async () => {
    mockApi({ ...base, 'GET /deals': { items: [aDeal({ plan_after_target: { ...late, milestone_id: null, name: '', name_zh: '' } }), aDeal({ id: 'd-2', name: 'On time' })], next_cursor: null } })
    renderApp('/deals')

    const row = (await screen.findByRole('link', { name: 'City data platform' })).closest('tr')!
    expect(within(row).getByLabelText(/The close gate .* falls 18 days after the target close/)).toHaveTextContent('Plan 18 d after target')
    expect(within(screen.getByRole('link', { name: 'On time' }).closest('tr')!).queryByText(/after target/)).not.toBeInTheDocument()
  })

  it('warns in New deal and takes either way out in one click', SLOW, async () => {
    const templates = { items: [{ id: 'tpl-g2b', key: 'g2b', builtin: true, name: 'G2B public procurement', name_zh: '政府采购', segment: 'g2b', version: 1 }], next_cursor: null }
    const fetchMock = mockApi({
      ...base,
      'GET /deals': { items: [], next_cursor: null },
      'GET /templates': templates,
      'POST /templates/tpl-g2b/target-check': (request: MockRequest) =>
        jsonResponse(200, (request.body as { target_close_date: string }).target_close_date === '2027-07-15'
          ? { gate: { key: 'contract_signed', name: 'Contract signing', name_zh: '合同签订', planned_due: '2027-07-15' }, days_after: 0, start_to_meet: null }
          : { gate: { key: 'contract_signed', name: 'Contract signing', name_zh: '合同签订', planned_due: '2027-07-15' }, days_after: 106, start_to_meet: '2026-08-17' }),
    })
    renderApp('/deals')
    await userEvent.click(await screen.findByRole('button', { name: 'New deal' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New deal' }))
    await waitFor(() => expect(dialog.getByRole('combobox', { name: 'Plan template' })).toHaveValue('G2B public procurement'))
    fireEvent.change(dialog.getByLabelText(/^Target close/), { target: { value: '2027-03-31' } })

    const warning = within(await dialog.findByTestId('new-deal-target-warning'))
    expect(warning.getByText(/Contract signing falls on .*106 days after the target close/)).toBeInTheDocument()
    expect(warning.getByRole('button', { name: /^Start on/ })).toBeInTheDocument()
    await userEvent.click(warning.getByRole('button', { name: /^Move target close to/ }))

    expect(dialog.getByLabelText(/^Target close/)).toHaveValue('2027-07-15')
    await waitFor(() => expect(dialog.queryByTestId('new-deal-target-warning')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'POST /templates/tpl-g2b/target-check').at(-1)?.body).toMatchObject({ target_close_date: '2027-07-15' })
  })
})
