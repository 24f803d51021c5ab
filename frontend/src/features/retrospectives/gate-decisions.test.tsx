import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDeal } from '../../test/deal-fixtures'
import { mockApi, requestsTo } from '../../test/mock-api'
import { jsonResponse, renderApp } from '../../test/render'
import { goDecision, PMO_PERMISSIONS, tabRoutes } from './review-fixtures'

const SLOW = { timeout: 30_000 }

describe('gate decisions', () => {
  it('records a no-go that ends the deal as abandoned, with the deal’s version, and refreshes the deal', SLOW, async () => {
    let status: 'open' | 'abandoned' = 'open'
    const fetchMock = mockApi({
      ...tabRoutes(),
      'GET /deals/d-1': () => jsonResponse(200, aDeal({ permissions: PMO_PERMISSIONS, status, version: status === 'open' ? 4 : 5 })),
      'POST /deals/d-1/gate-decisions': () => {
        status = 'abandoned'
        return jsonResponse(201, { ...goDecision, id: 'g-2', decision: 'no_go' })
      },
    })
    renderApp('/deals/d-1/retrospectives')

    await userEvent.click(await screen.findByRole('button', { name: 'Record a gate decision' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Record a gate decision' }))
    expect(dialog.getByRole('combobox', { name: 'Gate' })).toHaveValue('2. Budget support')
    // Only a no-go can end the deal.
    expect(dialog.queryByRole('checkbox', { name: /End the deal as abandoned/ })).not.toBeInTheDocument()
    await userEvent.click(dialog.getByRole('radio', { name: 'No-go' }))
    await userEvent.click(dialog.getByRole('checkbox', { name: /End the deal as abandoned/ }))
    await userEvent.click(dialog.getByRole('textbox', { name: /^Rationale/ }))
    await userEvent.paste('The budget was cut for this year')
    await userEvent.click(dialog.getByRole('button', { name: 'Record decision' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'POST /deals/d-1/gate-decisions')).toHaveLength(1))
    const [post] = requestsTo(fetchMock, 'POST /deals/d-1/gate-decisions')
    expect(post?.headers.get('If-Match')).toBe('"4"')
    expect(post?.body).toMatchObject({
      milestone_id: 'm-2',
      decision: 'no_go',
      rationale: 'The budget was cut for this year',
      conditions: '',
      abandon_deal: true,
    })
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    // The header shows the deal abandoned once it is fetched again.
    expect(await screen.findByText('Abandoned')).toBeInTheDocument()
  })

  it('records a go without touching the deal', SLOW, async () => {
    const fetchMock = mockApi({ ...tabRoutes(), 'POST /deals/d-1/gate-decisions': () => jsonResponse(201, goDecision) })
    renderApp('/deals/d-1/retrospectives')

    await userEvent.click(await screen.findByRole('button', { name: 'Record a gate decision' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Record a gate decision' }))
    await userEvent.click(dialog.getByRole('button', { name: 'Record decision' }))
    expect(await dialog.findByText('Fill this in.')).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('textbox', { name: /^Rationale/ }))
    await userEvent.paste('Budget line is in the draft')
    await userEvent.click(dialog.getByRole('button', { name: 'Record decision' }))

    await waitFor(() => expect(requestsTo(fetchMock, 'POST /deals/d-1/gate-decisions')).toHaveLength(1))
    const [post] = requestsTo(fetchMock, 'POST /deals/d-1/gate-decisions')
    expect(post?.headers.get('If-Match')).toBeNull()
    expect(post?.body).not.toHaveProperty('abandon_deal')
  })
})
