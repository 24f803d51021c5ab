/** Test data and rendering for the plan feature's component tests. */
import { createMemoryRouter, RouterProvider } from 'react-router'
import { renderWithProviders } from '../../test/render'
import type { Baseline, Milestone } from './api/types'
import { PlanTab } from './plan-tab'

/** A milestone as the API returns one; override what a test cares about. */
export function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'm-1',
    deal_id: 'd-1',
    name: 'Need shaping',
    name_zh: '需求引导',
    key: '',
    sequence: 1,
    owner_role: 'pmo',
    assignee_id: null,
    weight: 10,
    gate: false,
    planned_start: '2026-03-02',
    planned_due: '2026-03-13',
    baseline_due: null,
    slip_days: null,
    status: 'planned',
    status_reason: '',
    completed_on: null,
    exit_criteria: '',
    exit_criteria_zh: '',
    depends_on: [],
    version: 3,
    critical: false,
    ...overrides,
  }
}

/** A three-step plan: shaping (gate) → budget → tender, the last one owned by solution. */
export const plan: Milestone[] = [
  aMilestone({ gate: true }),
  aMilestone({ id: 'm-2', sequence: 2, name: 'Budget support', name_zh: '预算申报', planned_start: '2026-03-16', planned_due: '2026-03-27', depends_on: ['m-1'], version: 5, baseline_due: '2026-03-20', slip_days: 7 }),
  aMilestone({ id: 'm-3', sequence: 3, name: 'Tender response', name_zh: '', owner_role: 'solution', planned_start: '2026-03-30', planned_due: '2026-04-03', depends_on: ['m-2'], version: 1 }),
]

/** A baseline of `plan` taken before budget support slipped a week. */
export const baseline: Baseline = {
  id: 'b-1',
  name: 'Kick-off',
  reason: 'Agreed with the customer',
  taken_at: '2026-03-01T09:00:00Z',
  taken_by: 'u-pmo',
  committed: true,
  committed_reason: '',
  milestones: [
    { milestone_id: 'm-1', planned_start: '2026-03-02', planned_due: '2026-03-13' },
    { milestone_id: 'm-2', planned_start: '2026-03-16', planned_due: '2026-03-20' },
    { milestone_id: 'm-3', planned_start: '2026-03-23', planned_due: '2026-03-27' },
  ],
}

/** Everything the pmo may do on a deal. */
export const PMO_PERMISSIONS = ['deal:read', 'deal:write', 'deal.plan:read', 'deal.plan:write', 'deal.plan.solution:write', 'deal.baselines:write']

/** Renders the Plan tab of deal d-1 at `search` (e.g. `?view=table`). */
export function renderPlanTab(permissions: string[] = PMO_PERMISSIONS, search = '') {
  const router = createMemoryRouter([{ path: '/deals/:id', element: <PlanTab dealId="d-1" permissions={permissions} /> }], {
    initialEntries: [`/deals/d-1${search}`],
  })
  return { router, ...renderWithProviders(<RouterProvider router={router} />) }
}
