import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi } from '../../test/mock-api'
import { baseline, plan, renderPlanTab } from './plan-fixtures'

const planRoutes = {
  'GET /deals/d-1/milestones': { items: plan, next_cursor: null },
  'GET /deals/d-1/baselines': { items: [baseline], next_cursor: null },
}

describe('plan checks', () => {
  it('lists each broken legal rule and marks the milestones involved on the Gantt chart', async () => {
    mockApi({
      ...planRoutes,
      'GET /deals/d-1/plan/checks': {
        items: [
          { rule: 'bid_window', label: 'Tender documents → bid deadline', milestone_ids: ['m-2', 'm-3'], minimum_days: 20, planned_days: 12, working_days: false },
          { rule: 'award_publicity', label: 'Award publicity', milestone_ids: ['m-3'], minimum_days: 7, planned_days: 3, working_days: true },
        ],
      },
    })
    const { container } = renderPlanTab()

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('The plan breaks 2 legal minimum intervals of public procurement')).toBeInTheDocument()
    const items = within(alert).getAllByRole('listitem').map((item) => item.textContent)
    expect(items).toEqual([
      'Tender documents → bid deadline — 2. Budget support → 3. Tender response: the law asks for at least 20 calendar days, the plan has 12.',
      'Award publicity — 3. Tender response: the law asks for at least 7 working days, the plan has 3.',
    ])
    const marked = [...container.querySelectorAll('[data-legal-break]')].map((bar) => bar.getAttribute('data-milestone-id'))
    expect(marked).toEqual(['m-2', 'm-3'])
    expect(screen.getByRole('button', { name: /^Tender response: .* breaks the legal minimum: Tender documents → bid deadline; Award publicity$/ })).toBeInTheDocument()
  })

  it('shows nothing when the plan keeps every legal minimum', async () => {
    mockApi({ ...planRoutes, 'GET /deals/d-1/plan/checks': { items: [] } })
    const { container } = renderPlanTab()

    await screen.findByRole('group', { name: 'Plan timeline' })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(container.querySelectorAll('[data-legal-break]')).toHaveLength(0)
  })
})
