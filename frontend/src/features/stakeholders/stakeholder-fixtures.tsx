/** Test data and rendering for the stakeholder feature's component tests. */
import { createMemoryRouter, RouterProvider } from 'react-router'
import { usersPage } from '../../test/deal-fixtures'
import { renderWithProviders } from '../../test/render'
import type { Contact, GateRisk, HistoryEntry, MilestoneRef, Stakeholder } from './api/types'
import { StakeholdersTab } from './stakeholders-tab'

/** A stakeholder as the API returns one; override what a test cares about. */
export function aStakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: 's-1',
    deal_id: 'd-1',
    contact_id: 'c-1',
    name: 'Director Zhao',
    title: 'Director',
    department: 'Budget office',
    reports_to_id: null,
    decision_role: 'decision_maker',
    influence: 5,
    stance: 'neutral',
    relationship_strength: 2,
    owner_id: 'u-am',
    last_contact_on: '2026-01-10',
    next_step: '',
    next_step_due: null,
    notes: '',
    milestone_ids: ['m-2'],
    version: 3,
    ...overrides,
  }
}

/** Three people: a neutral decision maker, a supportive champion coach with an overdue step, a skeptical evaluator. */
export const people: Stakeholder[] = [
  aStakeholder(),
  aStakeholder({ id: 's-2', contact_id: 'c-2', name: 'Engineer Qian', title: 'Chief engineer', reports_to_id: 'c-1', decision_role: 'coach', influence: 3,
    stance: 'champion', next_step: 'Send the reference design', next_step_due: '2020-01-01', milestone_ids: [], version: 1 }),
  aStakeholder({ id: 's-3', contact_id: 'c-3', name: 'Analyst Sun', title: 'IT analyst', reports_to_id: 'c-2', decision_role: 'technical_evaluator',
    influence: 1, stance: 'skeptic', owner_id: null, milestone_ids: [], version: 7 }),
]

/** The customer's contacts: the three above and a deputy who is not on the deal. */
export const contacts: Contact[] = [
  ...people.map((p) => ({ id: p.contact_id, customer_id: 'cu-1', name: p.name, title: p.title, department: p.department, reports_to_id: p.reports_to_id, phone: '', email: '', version: 1 })),
  { id: 'c-4', customer_id: 'cu-1', name: 'Deputy Li', title: 'Deputy director', department: '', reports_to_id: 'c-1', phone: '', email: '', version: 1 },
]

/** The deal's plan as far as the map needs it. */
export const milestones: MilestoneRef[] = [
  { id: 'm-1', name: 'Need shaping', name_zh: '需求引导', sequence: 1, gate: false },
  { id: 'm-2', name: 'Budget application support', name_zh: '预算申报支持', sequence: 2, gate: true },
]

/** Director Zhao puts the budget gate at risk. */
export const gateRisk: GateRisk = {
  deal_id: 'd-1', deal_name: 'Provincial data platform', milestone_id: 'm-2', gate_name: 'Budget application support', due: '2026-06-30', stakeholder_id: 's-1',
  stakeholder_name: 'Director Zhao', decision_role: 'decision_maker', stance: 'blocker', last_contact_on: null, reason: 'stance', owner_id: 'u-am',
}

/** Director Zhao's history: moved from neutral to blocker with a note, after a note-only entry. */
export const history: HistoryEntry[] = [
  { id: 'h-2', at: '2026-02-03T09:30:00Z', actor_id: 'u-am', actor_name: 'Wang Fang', changes: { stance: { from: 'neutral', to: 'blocker' }, owner_id: { from: null, to: 'u-am' } }, note: 'Backs the rival vendor now' },
  { id: 'h-1', at: '2026-01-10T09:30:00Z', actor_id: 'u-am', actor_name: 'Wang Fang', changes: {}, note: 'First meeting' },
]

/** The routes every stakeholder test needs. */
export const stakeholderRoutes = {
  'GET /deals/d-1/stakeholders': { items: people, next_cursor: null },
  'GET /customers/cu-1/contacts': { items: contacts, next_cursor: null },
  'GET /deals/d-1/milestones': { items: milestones, next_cursor: null },
  'GET /risks/gates': { items: [gateRisk], next_cursor: null },
  'GET /users': usersPage,
}

/** What the business role may do on the deal. */
export const EDIT = ['deal:read', 'deal.stakeholders:read', 'deal.stakeholders:write']

/** Renders the Stakeholders tab of deal d-1 (customer cu-1) at `search` (e.g. `?view=table`). */
export function renderStakeholdersTab(permissions: string[] = EDIT, search = '') {
  const router = createMemoryRouter(
    [{ path: '/deals/:id/stakeholders', element: <StakeholdersTab dealId="d-1" customerId="cu-1" permissions={permissions} /> }],
    { initialEntries: [`/deals/d-1/stakeholders${search}`] },
  )
  return { router, ...renderWithProviders(<RouterProvider router={router} />) }
}
