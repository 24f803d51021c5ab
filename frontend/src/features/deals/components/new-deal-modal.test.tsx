import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal, CUSTOMER_BJ, pmoSession, TEAM_NORTH, teamsPage } from '../../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'

// The page's code now loads inside the test (a lazy route), not with the file: room for a busy machine.
const SLOW = { timeout: 45_000 }
const customer = { id: CUSTOMER_BJ, name: 'Beijing Big Data Bureau', kind: 'government', region: 'Beijing', industry: 'Government', version: 1 }
const templates = {
  items: [
    { id: 'tpl-g2b', key: 'g2b_public_procurement', builtin: true, name: 'G2B public procurement', name_zh: '政府采购', segment: 'g2b', version: 1 },
    { id: 'tpl-ka', key: 'key_account_programme', builtin: true, name: 'Key-account programme', name_zh: '大客户项目', segment: 'key_account', version: 1 },
  ],
  next_cursor: null,
}
const base = {
  'GET /me': pmoSession,
  'GET /teams': teamsPage,
  'GET /meta': { name: 'Summit', version: 'test', fiscal_year_start_month: 1 },
  'GET /deals': { items: [], next_cursor: null },
  'GET /templates': templates,
  'GET /customers': { items: [customer], next_cursor: null },
  [`GET /customers/${CUSTOMER_BJ}`]: customer,
}

async function openForm() {
  await userEvent.click(await screen.findByRole('button', { name: 'New deal' }))
  const dialog = within(await screen.findByRole('dialog', { name: 'New deal' }))
  await userEvent.type(dialog.getByRole('textbox', { name: /^Name/ }), 'Rail data hub')
  // The segment's built-in template is picked once the templates arrive.
  await waitFor(() => expect(dialog.getByRole('combobox', { name: 'Plan template' })).toHaveValue('G2B public procurement'))
  await userEvent.type(dialog.getByRole('textbox', { name: /^Amount/ }), '1234567.5')
  fireEvent.change(dialog.getByLabelText(/^Target close/), { target: { value: '2027-03-31' } })
  return dialog
}

describe('new deal', () => {
  it('shows the server’s field error under its field and keeps the form', SLOW, async () => {
    mockApi({
      ...base,
      'POST /deals': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { amount_minor: 'must be ≥ 0', team_id: 'must be one of your teams' } },
        }),
    })
    renderApp('/deals')
    const dialog = await openForm()
    await userEvent.click(dialog.getByRole('combobox', { name: /^Customer/ }))
    await userEvent.click(await screen.findByRole('option', { name: 'Beijing Big Data Bureau' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Create deal' }))

    expect(await dialog.findByText('must be ≥ 0')).toBeInTheDocument()
    expect(dialog.getByRole('textbox', { name: /^Amount/ })).toHaveAccessibleDescription(/must be ≥ 0/)
    expect(dialog.getByText('must be one of your teams')).toBeInTheDocument()
    expect(dialog.getByRole('alert')).toHaveTextContent('Some values are not valid; please correct them.')
    expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue('Rail data hub')
  })

  it('creates the customer inline, then the deal in minor units, and opens it', SLOW, async () => {
    const fetchMock = mockApi({
      ...base,
      'POST /customers': () => jsonResponse(201, { ...customer, id: 'c-new', name: 'Tianjin Rail' }),
      'POST /deals': () => jsonResponse(201, aDeal({ id: 'd-new', name: 'Rail data hub' })),
      'GET /deals/d-new': aDeal({ id: 'd-new', name: 'Rail data hub' }),
    })
    const { router } = renderApp('/deals')
    const dialog = await openForm()
    await userEvent.click(dialog.getByRole('button', { name: /Create a new one/ }))
    await userEvent.type(dialog.getByRole('textbox', { name: /^Customer name/ }), 'Tianjin Rail')
    await userEvent.type(dialog.getByRole('textbox', { name: /^Region/ }), 'Tianjin')
    await userEvent.click(dialog.getByRole('button', { name: 'Create deal' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/d-new'))
    expect(requestsTo(fetchMock, 'POST /customers')[0]?.body).toEqual({ name: 'Tianjin Rail', kind: 'government', region: 'Tianjin', industry: '' })
    expect(requestsTo(fetchMock, 'POST /deals')[0]?.body).toEqual({
      name: 'Rail data hub',
      customer_id: 'c-new',
      segment: 'g2b',
      team_id: TEAM_NORTH,
      amount_minor: 123456750,
      currency: 'CNY',
      target_close_date: '2027-03-31',
      template_id: 'tpl-g2b',
      start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
  })

  it('offers only the templates of the chosen segment', SLOW, async () => {
    mockApi(base)
    renderApp('/deals')
    const dialog = await openForm()

    await userEvent.click(dialog.getByRole('radio', { name: 'Key account' }))

    expect(dialog.getByRole('combobox', { name: 'Plan template' })).toHaveValue('Key-account programme')
  })
})
