import type { Deal } from '../lib/deals'
import type { Session } from '../lib/session'
import { aUser } from './fixtures'

/** Ids of the demo-like organisation the deal tests use. */
export const TEAM_NORTH = '11111111-1111-4111-8111-111111111111'
export const TEAM_EAST = '22222222-2222-4222-8222-222222222222'
export const TEAM_GOV = '33333333-3333-4333-8333-333333333333'
export const CUSTOMER_BJ = '44444444-4444-4444-8444-444444444444'

/** The team tree: Government Business with North China and East China below it. */
export const teamsPage = {
  items: [
    { id: TEAM_GOV, name: 'Government Business', name_zh: '政府业务部', parent_id: null, member_ids: [], version: 1 },
    { id: TEAM_NORTH, name: 'North China', name_zh: '华北区', parent_id: TEAM_GOV, member_ids: ['u-pmo'], version: 1 },
    { id: TEAM_EAST, name: 'East China', name_zh: '华东区', parent_id: TEAM_GOV, member_ids: [], version: 1 },
  ],
  next_cursor: null,
}

/** Li Wei, a PMO in North China. */
export const pmo = aUser({ id: 'u-pmo', email: 'pmo@summit.example', name: 'Li Wei', role: 'member', team_ids: [TEAM_NORTH] })

/** Wang Fang, an account manager. */
export const am = aUser({ id: 'u-am', email: 'am@summit.example', name: 'Wang Fang', role: 'member', team_ids: [TEAM_NORTH] })

/** Chen Jie, a solution architect. */
export const architect = aUser({ id: 'u-sol', email: 'solution@summit.example', name: 'Chen Jie', role: 'member', team_ids: [TEAM_NORTH] })

/** The session of the PMO, a plain member of North China. */
export const pmoSession: Session = { user: pmo, csrf_token: 'csrf-pmo', permissions: ['users:read', 'teams:read', 'customers:read', 'customers:write'] }

/** A deal as `GET /deals/{id}` returns it; override what a test cares about. */
export function aDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'd-1',
    name: 'City data platform',
    customer_id: CUSTOMER_BJ,
    customer_name: 'Beijing Big Data Bureau',
    segment: 'g2b',
    team_id: TEAM_NORTH,
    amount_minor: 1_100_000_000,
    currency: 'CNY',
    target_close_date: '2027-02-20',
    status: 'open',
    status_reason: '',
    template_id: null,
    forecast_category: 'pipeline',
    manual_probability: null,
    judgement_note: '',
    team: [
      { user_id: 'u-pmo', role: 'pmo' },
      { user_id: 'u-am', role: 'business' },
    ],
    slippage: { next_gate_id: 'm-7', next_gate_slip_days: 9, contract_slip_days: 21 },
    permissions: ['deal:read', 'deal:write', 'deal.plan:read', 'deal.plan:write', 'deal.team:read', 'deal.team:write'],
    version: 4,
    created_at: '2026-11-02T08:00:00Z',
    updated_at: '2026-11-20T08:00:00Z',
    ...overrides,
  }
}

/** `GET /users` with the three people above. */
export const usersPage = { items: [architect, pmo, am], next_cursor: null }
