import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse, renderApp } from '../../../test/render'
import { builtinTemplate, templatesAdmin } from '../template-fixtures'

const parameters = {
  items: [
    { name: 'base', label: 'Base rate of winning', default: 0.3, min: 0.05, max: 0.9 },
    { name: 'stale_contact_days', label: 'Days without contact before it counts as stale', default: 30, min: 7, max: 180 },
    { name: 'stance_score.blocker', label: 'Stance score of a blocker', default: -1, min: -2, max: 0 },
  ],
}

function openEditor(put: (request: MockRequest) => Response) {
  const fetchMock = mockApi({
    'GET /me': templatesAdmin,
    'GET /confidence/parameters': parameters,
    'GET /templates/tpl-g2b': () => jsonResponse(200, { ...builtinTemplate, confidence_params: { 'stance_score.blocker': -1.5 } }, { ETag: '"4"' }),
    'PUT /templates/tpl-g2b': put,
  })
  renderApp('/admin/templates/tpl-g2b')
  return fetchMock
}

const saved = (request: MockRequest) => jsonResponse(200, { ...builtinTemplate, ...(request.body as object), version: 5 })

describe('template confidence parameters', () => {
  it('lists each parameter with its default and range, and saves only the overridden ones', { timeout: 45_000 }, async () => {
    const fetchMock = openEditor(saved)
    const days = within(await screen.findByRole('row', { name: 'Days without contact before it counts as stale' }))
    expect(days.getByText('30')).toBeInTheDocument()
    expect(days.getByText('7 – 180')).toBeInTheDocument()
    const blocker = within(screen.getByRole('row', { name: 'Stance score of a blocker' }))
    expect(blocker.getByRole('textbox', { name: 'Override of Stance score of a blocker' })).toHaveValue('-1.5')

    await userEvent.type(days.getByRole('textbox', { name: /^Override of Days/ }), '45')
    await userEvent.click(blocker.getByRole('button', { name: 'Reset Stance score of a blocker to default' }))
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('Saved.')).toBeInTheDocument()
    const [put] = requestsTo(fetchMock, 'PUT /templates/tpl-g2b')
    expect((put?.body as { confidence_params: unknown }).confidence_params).toEqual({ stale_contact_days: 45 })
  })

  it('shows a 422 on confidence_params.<name> on that parameter’s row', { timeout: 45_000 }, async () => {
    openEditor(() =>
      jsonResponse(422, {
        error: { code: 'validation_failed', message: 'Check the fields.', fields: { 'confidence_params.stale_contact_days': 'Must be between 7 and 180.' } },
      }),
    )
    const days = within(await screen.findByRole('row', { name: 'Days without contact before it counts as stale' }))
    await userEvent.type(days.getByRole('textbox', { name: /^Override of Days/ }), '400')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    expect(await days.findByText('Must be between 7 and 180.')).toBeInTheDocument()
    expect(within(screen.getByRole('row', { name: 'Base rate of winning' })).queryByText('Must be between 7 and 180.')).not.toBeInTheDocument()
  })
})
