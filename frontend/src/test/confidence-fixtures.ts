import type { Confidence } from '../lib/confidence'

/** A deal's confidence as `GET /deals/{id}/confidence` answers; override what a test cares about. */
export function aConfidence(overrides: Partial<Confidence> = {}): Confidence {
  return {
    deal_id: 'd-1',
    period: '2026-Q4',
    period_from: '2026-10-01',
    period_to: '2026-12-31',
    as_of: '2026-11-30',
    base: 0.3,
    p_win: 0.58,
    p_in_period: 0.5,
    confidence: 0.29,
    expected_close: '2026-12-28',
    close_p80: '2027-01-25',
    factors: [
      { key: 'progress', label: 'Progress through the plan', contribution: 0.22, log_odds: 1, detail: { share: 0.45, gates_done: 2, gates: 5 } },
      { key: 'decision_maker_stance', label: "Decision maker's stance", contribution: 0.1, log_odds: 0.4, detail: { people: 1, score: 0.8 } },
      { key: 'stale_contact', label: 'Stale contact', contribution: -0.04, log_odds: -0.2, detail: { people: 2, days: 30 } },
    ],
    timing: [
      {
        key: 'plan_after_target_close',
        label: 'The plan closes after the target close date',
        detail: { expected_close: '2026-12-28', target_close: '2026-12-15', working_days_late: 9 },
      },
    ],
    forecast_category: 'pipeline',
    manual_probability: null,
    gap_points: null,
    gap_flagged: false,
    ...overrides,
  }
}
