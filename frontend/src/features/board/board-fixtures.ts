import { TEAM_EAST, TEAM_GOV, TEAM_NORTH } from '../../test/deal-fixtures'
import { aUser } from '../../test/fixtures'
import type { Session } from '../../lib/session'
import type { BoardDeal, ConfidenceBoard } from './api/board'

/** Zhao Min, an executive, who reads every team's board. */
export const executiveSession: Session = {
  user: aUser({ id: 'u-exec', email: 'exec@summit.example', name: 'Zhao Min', role: 'executive' }),
  csrf_token: 'csrf-exec',
  permissions: ['users:read', 'teams:read', 'targets:read', 'targets:write'],
}

/** A deal row of the board; override what a test cares about. */
export function aBoardDeal(overrides: Partial<BoardDeal> = {}): BoardDeal {
  return {
    deal_id: 'd-1',
    name: 'City data platform',
    customer_name: 'Beijing Big Data Bureau',
    team_id: TEAM_NORTH,
    amount_minor: 800_000_000,
    deal_amount_minor: 800_000_000,
    deal_currency: 'CNY',
    probability: 0.42,
    model_confidence: 0.42,
    manual_probability: 0.7,
    forecast_category: 'commit',
    next_gate: { milestone_id: 'm-7', name: 'Bid submission', name_zh: '投标', due: '2026-12-02', slip_days: 9 },
    slip_days: 21,
    gates_due: [
      { milestone_id: 'm-7', name: 'Bid submission', name_zh: '投标', due: '2026-12-02', slip_days: 9 },
      { milestone_id: 'm-8', name: 'Bid opening', name_zh: '开标', due: '2026-12-04', slip_days: 0 },
      { milestone_id: 'm-9', name: 'Contract signed', name_zh: '签约', due: '2027-01-20', slip_days: null },
    ],
    if_won: 0.81,
    if_lost: 0.49,
    swing: 0.32,
    ...overrides,
  }
}

/** The company's board for FY2026 Q4 as `GET /boards/confidence` answers; override what a test cares about. */
export function aBoard(overrides: Partial<ConfidenceBoard> = {}): ConfidenceBoard {
  return {
    period: '2026-Q4',
    period_from: '2026-10-01',
    period_to: '2026-12-31',
    as_of: '2026-11-30',
    team_id: null,
    team_name: 'Summit Demo Co.',
    currency: 'CNY',
    basis: 'model',
    target_minor: 2_000_000_000,
    top_down_minor: 2_000_000_000,
    bottom_up_minor: 1_800_000_000,
    gap_minor: 200_000_000,
    won_minor: 1_200_000_000,
    expected_minor: 1_950_000_000,
    p10_minor: 1_300_000_000,
    p50_minor: 1_900_000_000,
    p90_minor: 2_500_000_000,
    probability_of_target: 0.634,
    compare: {
      basis: 'judgement', expected_minor: 2_100_000_000, p10_minor: 1_500_000_000, p50_minor: 2_100_000_000,
      p90_minor: 2_600_000_000, probability_of_target: 0.712,
    },
    method: 'enumeration',
    open_deals: 2,
    deals: [
      aBoardDeal(),
      aBoardDeal({
        deal_id: 'd-2', name: 'Provincial cloud', customer_name: 'Zhejiang Data Office', team_id: TEAM_EAST, amount_minor: 500_000_000,
        deal_amount_minor: 70_000_000, deal_currency: 'USD', probability: 0.3, model_confidence: 0.3, manual_probability: null,
        forecast_category: 'pipeline', next_gate: null, slip_days: null, gates_due: [], if_won: 0.7, if_lost: 0.6, swing: 0.1,
      }),
    ],
    next_cursor: null,
    focus: [
      {
        deal_id: 'd-1', name: 'City data platform', swing: 0.32, if_won: 0.81, if_lost: 0.49, probability: 0.42,
        next_gate: { milestone_id: 'm-7', name: 'Bid submission', name_zh: '投标', due: '2026-12-02', slip_days: 9 },
        stakeholders: [
          {
            stakeholder_id: 's-1', name: 'Director Zhang', title: 'Bureau director', decision_role: 'decision_maker', influence: 5,
            stance: 'skeptic', owner_id: 'u-am', owner_name: 'Wang Fang', next_step: 'Present the pilot results', next_step_due: '2026-12-01',
          },
        ],
      },
    ],
    teams: [
      { team_id: TEAM_GOV, name: 'Government Business', target_minor: 1_800_000_000, won_minor: 1_200_000_000, expected_minor: 1_950_000_000, probability_of_target: 0.71, open_deals: 2 },
    ],
    levels: {
      input: { done: 12, due: 16, contacts: 31 },
      in_between: { done: 3, planned: 5 },
      output: { won_minor: 1_200_000_000, target_minor: 2_000_000_000 },
    },
    distribution: { start_minor: 1_200_000_000, unit_minor: 100_000_000, mass: [0.1, 0.2, 0.3, 0.25, 0.1, 0.05] },
    ...overrides,
  }
}
