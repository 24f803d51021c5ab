import type { Schema } from '../lib/api-client'

type ConfidenceHistory = Schema<'ConfidenceHistory'>
type ConfidenceHistoryMove = Schema<'ConfidenceHistoryMove'>

const noFigures = { p_in_period_before: null, p_in_period_after: null, confidence_before: null, confidence_after: null }

/** One move between two snapshots, with no figures for the period unless given. */
export function aMove(over: Partial<ConfidenceHistoryMove>): ConfidenceHistoryMove {
  return {
    from: '2026-11-02', to: '2026-11-03', p_win_before: 0.5, p_win_after: 0.6, ...noFigures,
    factors: [], activity: [], activity_total: 0,
    activity_after: '2026-11-02T00:05:00Z', activity_until: '2026-11-03T00:05:00Z', ...over,
  }
}

/** Two moves, newest first: the stale contact went away (three of five entries in between), and the plan slipped. */
export function aHistory(locale: 'en' | 'zh-CN'): ConfidenceHistory {
  const zh = locale === 'zh-CN'
  return {
    deal_id: 'd-1',
    period: '2026-Q4',
    points: [
      { day: '2026-11-01', p_win: 0.5, p_in_period: 0.8, confidence: 0.4 },
      { day: '2026-11-02', p_win: 0.4, p_in_period: 0.8, confidence: 0.32 },
      { day: '2026-11-09', p_win: 0.55, p_in_period: 0.8, confidence: 0.44 },
    ],
    moves: [
      aMove({
        from: '2026-11-02', to: '2026-11-09', p_win_before: 0.4, p_win_after: 0.55, p_in_period_before: 0.8, p_in_period_after: 0.8,
        confidence_before: 0.32, confidence_after: 0.44,
        factors: [{ key: 'stale_contact', label: zh ? '联系久未更新' : 'Stale contact', before: -0.1, after: 0 }],
        activity: [{
          id: 'a-1', at: '2026-11-05T06:30:00Z', actor_id: 'u-pmo', actor_name: 'Li Wei', action: 'stakeholder.updated',
          entity_type: 'stakeholder', entity_id: 's-1', before: { stance: { from: 'neutral', to: 'supporter' } }, after: 'Director Zhao',
        }],
        activity_total: 5, activity_after: '2026-11-02T00:05:00Z', activity_until: '2026-11-09T00:05:00Z',
      }),
      aMove({
        from: '2026-11-01', to: '2026-11-02', p_win_before: 0.5, p_win_after: 0.4, p_in_period_before: 0.8, p_in_period_after: 0.8,
        confidence_before: 0.4, confidence_after: 0.32,
        factors: [{ key: 'slippage', label: zh ? '相对基线的延误' : 'Slippage against the baseline', before: 0, after: -0.1 }],
      }),
    ],
  }
}
