import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../../lib/limits'
import { mockApi, requestsTo, type MockRequest, type MockRoute } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { builtinTemplate, templatesAdmin } from '../template-fixtures'

function openEditor(routes: Record<string, MockRoute> = {}) {
  const fetchMock = mockApi({
    'GET /me': templatesAdmin,
    'GET /confidence/parameters': { items: [] },
    'GET /templates/tpl-g2b': () => jsonResponse(200, builtinTemplate, { ETag: '"4"' }),
    'PUT /templates/tpl-g2b': (request: MockRequest) => jsonResponse(200, { ...builtinTemplate, ...(request.body as object), version: 5 }),
    ...routes,
  })
  const rendered = renderApp('/admin/templates/tpl-g2b')
  return { fetchMock, ...rendered }
}

const row = (number: number) => screen.getByRole('row', { name: `Step ${number}` })
const nameIn = (number: number) => (within(row(number)).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value

describe('template editor', () => {
  it('keeps a step within the API limits: durations and weights clamp, names stop at their length', async () => {
    const { fetchMock } = openEditor()
    const step = within(await screen.findByRole('row', { name: 'Step 2' }))
    const duration = step.getByRole('textbox', { name: 'Duration (working days)' })
    await userEvent.clear(duration)
    await userEvent.type(duration, '2147483648')
    const weight = step.getByRole('textbox', { name: 'Weight' })
    await userEvent.clear(weight)
    await userEvent.type(weight, '5000')
    await userEvent.tab()
    expect(step.getByRole('textbox', { name: 'Name' })).toHaveAttribute('maxLength', String(LIMITS.title))
    expect(step.getByRole('textbox', { name: 'Exit criteria' })).toHaveAttribute('maxLength', String(LIMITS.text))

    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Saved.')).toBeInTheDocument()
    const body = requestsTo(fetchMock, 'PUT /templates/tpl-g2b')[0]?.body as { milestones: { weight: number; duration_days: number }[] }
    expect(body.milestones[1]).toMatchObject({ weight: LIMITS.weightMax, duration_days: LIMITS.durationDaysMax })
  })

  it('sends the whole template with PUT and If-Match on the version it was based on', async () => {
    const { fetchMock } = openEditor()
    const duration = within(await screen.findByRole('row', { name: 'Step 2' })).getByRole('textbox', { name: 'Duration (working days)' })
    await userEvent.clear(duration)
    await userEvent.type(duration, '12')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Saved.')).toBeInTheDocument()
    const [put] = requestsTo(fetchMock, 'PUT /templates/tpl-g2b')
    expect(put?.headers.get('If-Match')).toBe('"4"')
    const { name, name_zh, segment, milestones } = builtinTemplate
    expect(put?.body).toEqual({
      name,
      name_zh,
      segment,
      milestones: milestones.map((m, i) => ({ exit_criteria: '', exit_criteria_zh: '', ...m, ...(i === 1 ? { duration_days: 12 } : {}) })),
      confidence_params: {},
    })
  })

  it('re-indexes dependencies when a row moves and refuses a move above a step it depends on', async () => {
    const { fetchMock } = openEditor()
    await screen.findByRole('row', { name: 'Step 3' })

    await userEvent.click(screen.getByRole('button', { name: 'Move step 3 up' })) // Budget above Design
    expect([1, 2, 3, 4].map(nameIn)).toEqual(['Kick-off', 'Budget', 'Design', 'Tender'])

    await userEvent.click(screen.getByRole('button', { name: 'Move step 4 up' })) // Tender above Design, which it needs
    expect(screen.getByRole('status')).toHaveTextContent('“Tender” depends on “Design”, which has to stay before it.')
    expect([1, 2, 3, 4].map(nameIn)).toEqual(['Kick-off', 'Budget', 'Design', 'Tender'])

    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved.')
    const body = requestsTo(fetchMock, 'PUT /templates/tpl-g2b')[0]?.body as { milestones: { name: string; depends_on: number[] }[] }
    expect(body.milestones.map((m) => [m.name, m.depends_on])).toEqual([
      ['Kick-off', []],
      ['Budget', []],
      ['Design', [0]],
      ['Tender', [2]],
    ])
  })

  it('shows a 422 on milestones[1].duration_days on the second row and keeps the edits', async () => {
    openEditor({
      'PUT /templates/tpl-g2b': () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Check the highlighted fields.', fields: { 'milestones[1].duration_days': 'must be 1 or more' } },
        }),
    })
    const name = within(await screen.findByRole('row', { name: 'Step 1' })).getByRole('textbox', { name: 'Name' })
    await userEvent.type(name, ' meeting')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('must be 1 or more')).toBeInTheDocument()
    expect(within(row(2)).getByRole('textbox', { name: 'Duration (working days)' })).toHaveAccessibleDescription('must be 1 or more')
    expect(within(row(1)).getByRole('textbox', { name: 'Duration (working days)' })).not.toHaveAccessibleDescription()
    expect(screen.getByRole('alert')).toHaveTextContent('Check the highlighted fields.')
    expect(nameIn(1)).toBe('Kick-off meeting')
  })

  it('offers Reload on a 412, keeps what was typed and then saves on the current version', async () => {
    let stored = builtinTemplate
    const { fetchMock } = openEditor({
      'GET /templates/tpl-g2b': () => jsonResponse(200, stored),
      'PUT /templates/tpl-g2b': (request: MockRequest) =>
        request.headers.get('If-Match') === '"6"'
          ? jsonResponse(200, { ...stored, ...(request.body as object), version: 7 })
          : jsonResponse(412, { error: { code: 'stale_version', message: 'Changed meanwhile.' } }),
    })
    const name = await screen.findByRole('textbox', { name: 'Template name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'Public tender')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('changed')
    stored = { ...builtinTemplate, name: 'Renamed elsewhere', version: 6 }
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(requestsTo(fetchMock, 'GET /templates/tpl-g2b')).toHaveLength(2))
    expect(screen.getByRole('textbox', { name: 'Template name' })).toHaveValue('Public tender')

    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Saved.')).toBeInTheDocument()
    expect(requestsTo(fetchMock, 'PUT /templates/tpl-g2b').map((put) => (put.body as { name: string }).name)).toEqual(['Public tender', 'Public tender'])
  })

  it('saves a copy with POST and opens it', async () => {
    const { fetchMock, router } = openEditor({
      'POST /templates': (request: MockRequest) => jsonResponse(201, { ...builtinTemplate, ...(request.body as object), id: 'tpl-new', key: null, builtin: false, version: 1 }),
    })
    await screen.findByRole('row', { name: 'Step 1' })
    await userEvent.click(screen.getByRole('button', { name: 'Save as new' }))

    await screen.findByRole('button', { name: 'Save as new' })
    expect(router.state.location.pathname).toBe('/admin/templates/tpl-new')
    expect(requestsTo(fetchMock, 'POST /templates')[0]?.body).toMatchObject({ name: 'G2B public procurement (copy)', name_zh: '政府采购（副本）', segment: 'g2b' })
    expect(requestsTo(fetchMock, 'PUT /templates/tpl-g2b')).toHaveLength(0)
  })
})
