import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo, type MockRequest } from '../../test/mock-api'
import { jsonResponse } from '../../test/render'
import { aStakeholder, contacts, EDIT, history, people, renderStakeholdersTab, stakeholderRoutes } from './stakeholder-fixtures'

const SLOW = { timeout: 60_000 }

/** The power-map cell at influence × stance. */
function cell(container: HTMLElement, influence: number, stance: string): HTMLElement {
  return container.querySelector<HTMLElement>(`[data-cell="${influence}:${stance}"]`)!
}

describe('stakeholders tab', () => {
  it('puts each person in their influence × stance cell with overdue and risk marks', async () => {
    mockApi(stakeholderRoutes)
    const { container } = renderStakeholdersTab()

    await screen.findByRole('table', { name: 'Power map' })
    expect(within(cell(container, 5, 'neutral')).getByText('Director Zhao')).toBeInTheDocument()
    expect(within(cell(container, 3, 'champion')).getByText('Engineer Qian')).toBeInTheDocument()
    expect(within(cell(container, 1, 'skeptic')).getByText('Analyst Sun')).toBeInTheDocument()
    expect(container.querySelectorAll('[data-cell] [data-stakeholder-id]')).toHaveLength(3)
    expect(cell(container, 5, 'champion').querySelector('[data-stakeholder-id]')).toBeNull()

    // Qian's next step is long past due; Zhao puts the budget gate at risk.
    expect(within(cell(container, 3, 'champion')).getByRole('img', { name: 'Next step overdue' })).toBeInTheDocument()
    expect(await within(cell(container, 5, 'neutral')).findByRole('img', { name: /^Gate at risk: Budget application support/ })).toBeInTheDocument()
    expect(within(cell(container, 1, 'skeptic')).queryByRole('img')).not.toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Decision roles' })).toHaveTextContent('Decision maker')
  })

  it('asks for a note before a quick stance change, then sends it with If-Match; a 412 keeps the choice', SLOW, async () => {
    let version = 3
    const fetchMock = mockApi({
      ...stakeholderRoutes,
      'GET /deals/d-1/stakeholders': () => jsonResponse(200, { items: [aStakeholder({ version }), ...people.slice(1)], next_cursor: null }),
      'PATCH /stakeholders/s-1': ({ headers }: { headers: Headers }) =>
        headers.get('If-Match') === '"4"'
          ? jsonResponse(200, aStakeholder({ stance: 'blocker', version: 5 }))
          : jsonResponse(412, { error: { code: 'stale_version', message: 'Changed.' } }),
    })
    renderStakeholdersTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Change stance of Director Zhao (now Neutral)' }))
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Blocker' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Change the stance of Director Zhao' }))
    expect(dialog.getByLabelText('Stance')).toHaveTextContent('Neutral→Blocker')

    await userEvent.click(dialog.getByRole('button', { name: 'Change stance' }))
    expect(await dialog.findByText('Say why the stance changed.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'PATCH /stakeholders/s-1')).toHaveLength(0)

    await userEvent.type(dialog.getByRole('textbox', { name: /Why did the stance change/ }), 'Backs the rival vendor')
    await userEvent.click(dialog.getByRole('button', { name: 'Change stance' }))
    expect(await dialog.findByRole('alert')).toHaveTextContent('Someone else changed this')
    const [first] = requestsTo(fetchMock, 'PATCH /stakeholders/s-1')
    expect(first?.body).toEqual({ stance: 'blocker', note: 'Backs the rival vendor' })
    expect(first?.headers.get('If-Match')).toBe('"3"')
    expect(first?.headers.get('Content-Type')).toBe('application/json')

    // Reload fetches the current version; the choice and the note stay, and saving again uses it.
    version = 4
    await userEvent.click(dialog.getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(dialog.queryByRole('alert')).not.toBeInTheDocument())
    expect(dialog.getByRole('textbox', { name: /Why did the stance change/ })).toHaveValue('Backs the rival vendor')
    await userEvent.click(dialog.getByRole('button', { name: 'Change stance' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [, retry] = requestsTo(fetchMock, 'PATCH /stakeholders/s-1')
    expect(retry?.headers.get('If-Match')).toBe('"4"')
    expect(retry?.body).toEqual({ stance: 'blocker', note: 'Backs the rival vendor' })
  })

  it('shows the person’s history, each field from → to, with the note', async () => {
    mockApi({ ...stakeholderRoutes, 'GET /stakeholders/s-1/history': { items: history, next_cursor: null } })
    renderStakeholdersTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Open Director Zhao' }))
    const drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    const timeline = await drawer.findByText('Backs the rival vendor now')
    const entry = timeline.closest<HTMLElement>('[data-history-id="h-2"]')!
    expect(entry).toHaveTextContent('Wang Fang')
    expect(entry.querySelector('[data-field="stance"]')).toHaveTextContent('Stance: Neutral → Blocker')
    expect(entry.querySelector('[data-field="owner_id"]')).toHaveTextContent('Relationship owner: — → Wang Fang')
    expect(drawer.getByText('Note added')).toBeInTheDocument()
    expect(drawer.getByText('First meeting')).toBeInTheDocument()
  })

  it('saves only what changed in the drawer, requires a note for a stance change, and shows server field errors', SLOW, async () => {
    const fetchMock = mockApi({
      ...stakeholderRoutes,
      'GET /stakeholders/s-1/history': { items: [], next_cursor: null },
      'PATCH /stakeholders/s-1': () =>
        jsonResponse(422, { error: { code: 'validation_failed', message: 'Some values are not valid; please correct them.', fields: { next_step: 'is too long' } } }),
    })
    renderStakeholdersTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Open Director Zhao' }))
    const drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    await userEvent.click(drawer.getByRole('combobox', { name: 'Stance' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Supporter' }))
    await userEvent.type(drawer.getByRole('textbox', { name: 'Next step' }), 'Invite to the reference site')
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))
    expect(await drawer.findByText('Say why the stance changed.')).toBeInTheDocument()

    await userEvent.type(drawer.getByRole('textbox', { name: /Why did the stance change/ }), 'Liked the demo')
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))
    expect(await drawer.findByText('is too long')).toBeInTheDocument()
    const [patch] = requestsTo(fetchMock, 'PATCH /stakeholders/s-1')
    expect(patch?.body).toEqual({ stance: 'supporter', next_step: 'Invite to the reference site', note: 'Liked the demo' })
    expect(patch?.headers.get('If-Match')).toBe('"3"')
  })

  it('adds a new contact as a stakeholder linked to a milestone', SLOW, async () => {
    const fetchMock = mockApi({ ...stakeholderRoutes, 'POST /deals/d-1/stakeholders': () => jsonResponse(201, aStakeholder({ id: 's-9' })) })
    renderStakeholdersTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Add stakeholder' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Add stakeholder' }))
    await userEvent.click(dialog.getByText('New contact'))
    await userEvent.type(dialog.getByRole('textbox', { name: 'Name' }), 'Director Zhou')
    await userEvent.type(dialog.getByRole('textbox', { name: 'Title' }), 'Bureau director')
    await userEvent.click(dialog.getByRole('combobox', { name: 'Reports to' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Deputy Li · Deputy director' }))
    await userEvent.click(dialog.getByRole('combobox', { name: 'Decision role' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Economic buyer' }))
    await userEvent.click(dialog.getByRole('combobox', { name: 'Milestones they can move' }))
    await userEvent.click(await screen.findByRole('option', { name: '2. Budget application support' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Add' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(requestsTo(fetchMock, 'POST /deals/d-1/stakeholders')[0]?.body).toEqual({
      name: 'Director Zhou', title: 'Bureau director', reports_to_id: 'c-4', decision_role: 'economic_buyer', influence: 3, stance: 'neutral', owner_id: null, milestone_ids: ['m-2'],
    })
    // The list, gate risks and contacts are fetched again.
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /deals/d-1/stakeholders').length).toBeGreaterThanOrEqual(2))
    expect(requestsTo(fetchMock, 'GET /risks/gates').length).toBeGreaterThanOrEqual(2)
    expect(requestsTo(fetchMock, 'GET /customers/cu-1/contacts').length).toBeGreaterThanOrEqual(2)
  })

  it('sets whom a person reports to from the drawer, on their contact, offering nobody below them', SLOW, async () => {
    const fetchMock = mockApi({
      ...stakeholderRoutes,
      'GET /stakeholders/s-2/history': { items: [], next_cursor: null },
      'PATCH /contacts/c-2': ({ body }: MockRequest) => jsonResponse(200, { ...contacts[1], ...(body as object), version: 2 }),
    })
    renderStakeholdersTab()

    await userEvent.click(await screen.findByRole('button', { name: 'Open Engineer Qian' }))
    const drawer = within(await screen.findByRole('dialog', { name: 'Engineer Qian' }))
    const reportsTo = drawer.getByRole('combobox', { name: 'Reports to' })
    expect(reportsTo).toHaveValue('Director Zhao · Director')
    await userEvent.click(reportsTo)
    // Qian, and Sun who reports to Qian, cannot be Qian's manager.
    expect(screen.queryByRole('option', { name: /^Engineer Qian/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('option', { name: /^Analyst Sun/ })).not.toBeInTheDocument()
    await userEvent.click(await screen.findByRole('option', { name: 'Deputy Li · Deputy director' }))
    await userEvent.click(drawer.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const [patch] = requestsTo(fetchMock, 'PATCH /contacts/c-2')
    expect(patch?.body).toEqual({ reports_to_id: 'c-4' })
    expect(patch?.headers.get('If-Match')).toBe('"1"')
    expect(requestsTo(fetchMock, 'PATCH /stakeholders/s-2')).toHaveLength(0)
  })

  it('draws the org chart by reports-to, colouring this deal’s people and muting the others', async () => {
    mockApi(stakeholderRoutes)
    const { container } = renderStakeholdersTab(EDIT, '?view=org')

    const chart = await screen.findByRole('list', { name: 'Org chart' })
    const zhao = chart.querySelector('[data-contact-id="c-1"]')!.closest('li')!
    // Qian and the deputy report to Zhao; Sun reports to Qian.
    expect(within(zhao).getByRole('button', { name: 'Open Engineer Qian (Champion)' })).toBeInTheDocument()
    expect(container.querySelector('[data-contact-id="c-4"]')).toHaveAttribute('data-on-deal', 'false')
    expect(container.querySelector('[data-contact-id="c-3"]')!.closest('li')!.parentElement!.closest('li')).toContainElement(
      container.querySelector('[data-contact-id="c-2"]') as HTMLElement,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Open Analyst Sun (Skeptic)' }))
    expect(await screen.findByRole('dialog', { name: 'Analyst Sun' })).toBeInTheDocument()
  })

  it('follows the contacts list page by page, so the org chart has every reporting line', async () => {
    const fetchMock = mockApi({
      ...stakeholderRoutes,
      // The deputy (reporting to Zhao) comes on a second page.
      'GET /customers/cu-1/contacts': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('cursor') === 'after-sun'
          ? { items: contacts.slice(3), next_cursor: null }
          : { items: contacts.slice(0, 3), next_cursor: 'after-sun' }),
    })
    const { container } = renderStakeholdersTab(EDIT, '?view=org')

    await screen.findByRole('list', { name: 'Org chart' })
    await waitFor(() => expect(container.querySelector('[data-contact-id="c-4"]')).toHaveAttribute('data-on-deal', 'false'))
    const pages = requestsTo(fetchMock, 'GET /customers/cu-1/contacts')
    expect(pages.map((request) => request.query.get('cursor'))).toEqual(expect.arrayContaining([null, 'after-sun']))
    expect(pages.every((request) => request.query.get('limit') === '500')).toBe(true)
  })

  it('lists people in the table with the next step overdue in red', async () => {
    mockApi(stakeholderRoutes)
    renderStakeholdersTab(EDIT, '?view=table')

    const row = (await screen.findByRole('button', { name: 'Open Engineer Qian' })).closest('tr')!
    expect(row).toHaveTextContent('Send the reference design')
    expect(within(row).getByText(/overdue/)).toBeInTheDocument()
    const zhao = screen.getByRole('button', { name: 'Open Director Zhao' }).closest('tr')!
    expect(await within(zhao).findByText('2. Budget application support')).toBeInTheDocument()
    expect(zhao).toHaveTextContent('Wang Fang')
  })

  it('is read-only without deal.stakeholders:write: no add, no stance change, no saving', async () => {
    mockApi({ ...stakeholderRoutes, 'GET /stakeholders/s-1/history': { items: history, next_cursor: null } })
    renderStakeholdersTab(['deal:read', 'deal.stakeholders:read'], '?view=table')

    await screen.findByRole('table', { name: 'Stakeholders' })
    expect(screen.getByText('You can view the stakeholders but not change them.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add stakeholder' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Change stance of/ })).not.toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Open Director Zhao' }))
    const drawer = within(await screen.findByRole('dialog', { name: 'Director Zhao' }))
    expect(drawer.getByRole('textbox', { name: 'Next step' })).toBeDisabled()
    expect(drawer.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
    expect(await drawer.findByText('Backs the rival vendor now')).toBeInTheDocument() // the history stays readable
  })
})
