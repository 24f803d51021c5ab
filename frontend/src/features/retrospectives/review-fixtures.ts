/** Test data for the retrospectives feature's component tests: deal d-1, its plan and reviews. */
import { aDeal, am, architect, pmo, pmoSession, teamsPage, usersPage } from '../../test/deal-fixtures'
import type { ActionItem, GateDecision, MilestoneRef, Retrospective } from './api/types'

/** Everything the deal's PMO may do on the Retrospectives tab. */
export const PMO_PERMISSIONS = ['deal:read', 'deal:write', 'deal.retrospectives:read', 'deal.retrospectives:create', 'deal.retrospectives:write', 'deal.gates:write']

/** A plan of three milestones; the second is a gate. */
export const milestones: (MilestoneRef & { name_zh: string })[] = [
  { id: 'm-1', name: 'Need shaping', name_zh: '需求引导', sequence: 1, gate: false },
  { id: 'm-2', name: 'Budget support', name_zh: '预算申报', sequence: 2, gate: true },
  { id: 'm-3', name: 'Tender response', name_zh: '', sequence: 3, gate: false },
]

/** An action item as the API returns one; override what a test cares about. */
export function anAction(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: 'a-1',
    title: 'Meet the budget office',
    owner_id: am.id,
    due_on: '2026-04-10',
    status: 'open',
    version: 2,
    deal_id: 'd-1',
    deal_name: 'City data platform',
    overdue: false,
    ...overrides,
  }
}

/** A retrospective held at the budget gate with two actions, one of them overdue. */
export function aRetrospective(overrides: Partial<Retrospective> = {}): Retrospective {
  return {
    id: 'r-1',
    deal_id: 'd-1',
    milestone_id: 'm-2',
    held_on: '2026-03-28',
    planned: 'Budget line approved by March',
    happened: 'The finance bureau asked for a revised estimate',
    gap_cause: 'Our estimate lacked the hardware split',
    next: 'Resubmit with the split',
    outcome: 'at_risk',
    created_by: pmo.id,
    actions: [
      anAction({ id: 'a-1', title: 'Send the revised estimate', owner_id: pmo.id, due_on: '2026-03-30', overdue: true, version: 3 }),
      anAction({ id: 'a-2', title: 'Meet the budget office', owner_id: am.id, due_on: '2099-04-10', version: 2 }),
    ],
    version: 5,
    ...overrides,
  }
}

/** A go at the budget gate with a condition. */
export const goDecision: GateDecision = {
  id: 'g-1',
  milestone_id: 'm-2',
  decision: 'go',
  decided_by: pmo.id,
  decided_on: '2026-03-29',
  rationale: 'Budget line is in the draft',
  conditions: 'Hardware split agreed by April',
  created_at: '2026-03-29T08:00:00Z',
}

/** The API routes the tab reads, with `permissions` on the deal and `retrospectives` listed. */
export function tabRoutes(permissions: string[] = PMO_PERMISSIONS, retrospectives: Retrospective[] = [aRetrospective()]) {
  return {
    'GET /me': pmoSession,
    'GET /teams': teamsPage,
    'GET /users': usersPage,
    'GET /deals/d-1': aDeal({ permissions }),
    'GET /deals/d-1/milestones': { items: milestones, next_cursor: null },
    'GET /deals/d-1/retrospectives': { items: retrospectives, next_cursor: null },
    'GET /deals/d-1/actions/overdue': { items: retrospectives.flatMap((r) => r.actions.filter((a) => a.overdue)), next_cursor: null },
    'GET /deals/d-1/gate-decisions': { items: [goDecision], next_cursor: null },
  }
}

export { am, architect, pmo }
