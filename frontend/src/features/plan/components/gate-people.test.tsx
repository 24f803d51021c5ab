import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo, type MockRequest } from '../../../test/mock-api'
import { jsonResponse } from '../../../test/render'
import { renderWithProviders } from '../../../test/render'
import { GatePeople } from './gate-people'

const zhao = { id: 's-1', name: 'Director Zhao', title: 'Director', decision_role: 'decision_maker', stance: 'blocker', milestone_ids: ['m-2'] }
const qian = { id: 's-2', name: 'Engineer Qian', title: '', decision_role: 'coach', stance: 'champion', milestone_ids: ['m-1', 'm-2'] }
const sun = { id: 's-3', name: 'Analyst Sun', title: '', decision_role: 'user', stance: 'neutral', milestone_ids: ['m-1'] }
const risk = { milestone_id: 'm-2', stakeholder_id: 's-1', stakeholder_name: 'Director Zhao', reason: 'stance' }

describe('gate people', () => {
  it('lists the people linked to the gate with their stances and warns when /risks/gates lists it', async () => {
    const fetchMock = mockApi({
      'GET /deals/d-1/stakeholders': { items: [zhao, qian, sun], next_cursor: null },
      'GET /risks/gates': { items: [risk], next_cursor: null },
    })
    renderWithProviders(<GatePeople dealId="d-1" milestoneId="m-2" />)

    const region = within(await screen.findByRole('region', { name: 'People who can move this gate' }))
    expect(await region.findByRole('alert')).toHaveTextContent('This gate is at risk')
    expect(region.getByRole('alert')).toHaveTextContent('Director Zhao: a decisive skeptic or blocker')
    expect(region.getByText('Director Zhao').closest('[data-stakeholder-id]')).toHaveTextContent('Blocker')
    expect(region.getByText('Engineer Qian').closest('[data-stakeholder-id]')).toHaveTextContent('Champion')
    expect(region.queryByText('Analyst Sun')).not.toBeInTheDocument()
    expect(requestsTo(fetchMock, 'GET /risks/gates')[0]?.query.toString()).toBe('deal_id=d-1&days=365&stale_days=30&limit=500')
  })

  it('warns when the gate is listed on a later page of /risks/gates', async () => {
    const other = { ...risk, milestone_id: 'm-9', stakeholder_id: 's-9' }
    const fetchMock = mockApi({
      'GET /deals/d-1/stakeholders': { items: [zhao, qian, sun], next_cursor: null },
      'GET /risks/gates': ({ query }: MockRequest) =>
        jsonResponse(200, query.get('cursor') === 'c2' ? { items: [risk], next_cursor: null } : { items: [other], next_cursor: 'c2' }),
    })
    renderWithProviders(<GatePeople dealId="d-1" milestoneId="m-2" />)

    const region = within(await screen.findByRole('region', { name: 'People who can move this gate' }))
    expect(await region.findByRole('alert')).toHaveTextContent('This gate is at risk')
    expect(requestsTo(fetchMock, 'GET /risks/gates').map((r) => r.query.get('cursor'))).toEqual([null, 'c2'])
  })

  it('shows no warning for a gate the risks do not list', async () => {
    mockApi({
      'GET /deals/d-1/stakeholders': { items: [zhao, qian, sun], next_cursor: null },
      'GET /risks/gates': { items: [risk], next_cursor: null },
    })
    renderWithProviders(<GatePeople dealId="d-1" milestoneId="m-1" />)

    const region = within(await screen.findByRole('region', { name: 'People who can move this gate' }))
    expect(region.getByText('Analyst Sun')).toBeInTheDocument()
    expect(region.queryByRole('alert')).not.toBeInTheDocument()
  })
})
