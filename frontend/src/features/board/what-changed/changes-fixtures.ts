import type { BoardChange, BoardChanges } from './api'

const side = (amount: number, probability: number, close = '2026-12-15', won = false) => ({ amount_minor: amount, probability, target_close_date: close, won })

export const CHANGED_DEAL = 'd0000000-0000-4000-8000-000000000001'

/** A deal that moved, for tests. */
export function aChange(overrides: Partial<BoardChange> = {}): BoardChange {
  return {
    deal_id: CHANGED_DEAL,
    name: 'City hospital PACS',
    customer_name: 'City Hospital',
    category: 'won',
    then: side(300_000_000, 0.6),
    now: side(300_000_000, 1, '2026-11-20', true),
    effect: 0.09,
    expected_effect_minor: 120_000_000,
    ...overrides,
  }
}

/** What changed since last Monday for the company's 2026-Q4, for tests: 0.50 → 0.62 (0.07 of it the moves together). */
export function aChangesReport(overrides: Partial<BoardChanges> = {}): BoardChanges {
  return {
    period: '2026-Q4',
    period_from: '2026-10-01',
    period_to: '2026-12-31',
    team_id: null,
    team_name: 'Summit Demo Co.',
    currency: 'CNY',
    basis: 'model',
    as_of: '2026-11-30',
    from: '2026-11-23',
    from_day: '2026-11-23',
    to: null,
    to_day: null,
    target_minor: 2_000_000_000,
    probability_start: 0.5,
    probability_now: 0.62,
    expected_start_minor: 1_800_000_000,
    expected_now_minor: 1_900_000_000,
    interaction: 0.07,
    totals: [
      { category: 'new', deals: 1, effect: 0.06, expected_effect_minor: 80_000_000 },
      { category: 'won', deals: 1, effect: 0.09, expected_effect_minor: 120_000_000 },
      { category: 'lost', deals: 0, effect: 0, expected_effect_minor: 0 },
      { category: 'pushed_out', deals: 1, effect: -0.07, expected_effect_minor: -90_000_000 },
      { category: 'pulled_in', deals: 0, effect: 0, expected_effect_minor: 0 },
      { category: 'confidence_up', deals: 0, effect: 0, expected_effect_minor: 0 },
      { category: 'confidence_down', deals: 1, effect: -0.03, expected_effect_minor: -10_000_000 },
      { category: 'moved_out', deals: 0, effect: 0, expected_effect_minor: 0 },
    ],
    total_changes: 4,
    items: [
      aChange(),
      aChange({ deal_id: 'd0000000-0000-4000-8000-000000000002', name: 'Metro signalling', customer_name: 'Metro', category: 'pushed_out',
        then: side(500_000_000, 0.4), now: side(500_000_000, 0.05, '2027-02-10'), effect: -0.07, expected_effect_minor: -90_000_000 }),
      aChange({ deal_id: 'd0000000-0000-4000-8000-000000000003', name: 'Tax bureau cloud', customer_name: 'Tax Bureau', category: 'new',
        then: null, now: side(200_000_000, 0.4), effect: 0.06, expected_effect_minor: 80_000_000 }),
      aChange({ deal_id: 'd0000000-0000-4000-8000-000000000004', name: 'Grid analytics', customer_name: 'State Grid', category: 'confidence_down',
        then: side(100_000_000, 0.5), now: side(100_000_000, 0.4), effect: -0.03, expected_effect_minor: -10_000_000 }),
    ],
    next_cursor: null,
    ...overrides,
  }
}
