import { useTranslation } from 'react-i18next'
import { useFormat } from './format'
import type { ConfidenceFactor, TimingNote } from './confidence'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const KNOWN_FACTORS = [
  'progress', 'slippage', 'blocked', 'decision_maker_stance', 'economic_buyer_stance', 'no_decision_maker', 'champion',
  'stale_contact', 'overdue_next_steps', 'retrospective', 'overdue_actions', 'no_go', 'won', 'lost',
] as const
const KNOWN_NOTES = [
  'plan_after_target_close', 'plan_after_period', 'plan_before_period', 'legal_floor', 'stretched', 'blocked_on_path',
  'closed_outside_period', 'not_open',
] as const
const OUTCOMES = ['on_track', 'at_risk', 'off_track'] as const

const camel = (name: string) => name.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())

/**
 * The figures behind a factor or timing note (`detail`) in a sentence of the UI language:
 * dates and shares formatted, outcomes translated. A factor this UI does not know yet is
 * still readable: its figures as "name: value" pairs.
 */
export function useExplanations() {
  const { t, i18n } = useTranslation()
  // The figures come from the server by name; their keys are checked by the locale files' tests, not the types.
  const say = t as unknown as (key: string, values: Record<string, unknown>) => string
  const format = useFormat()
  const number = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value)

  const values = (detail: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(detail).map(([name, value]) => {
        let text: string
        if (typeof value === 'number') text = name === 'share' ? format.percent(value) : number(value)
        else if (typeof value === 'string' && DATE.test(value)) text = format.date(value)
        else if (typeof value === 'string' && OUTCOMES.includes(value as (typeof OUTCOMES)[number])) text = t(`confidence.outcomes.${value as 'on_track'}`)
        else text = typeof value === 'string' ? value : JSON.stringify(value)
        return [camel(name), text]
      }),
    )
  const pairs = (detail: Record<string, unknown>) =>
    Object.entries(values(detail))
      .map(([name, value]) => `${name}: ${value}`)
      .join(', ')

  return {
    factor: (factor: ConfidenceFactor): string =>
      KNOWN_FACTORS.includes(factor.key as (typeof KNOWN_FACTORS)[number])
        ? say(`confidence.factors.${factor.key}`, { ...values(factor.detail), count: Number(factor.detail.count ?? factor.detail.people ?? 0) })
        : pairs(factor.detail),
    note: (note: TimingNote): string =>
      KNOWN_NOTES.includes(note.key as (typeof KNOWN_NOTES)[number])
        ? say(`confidence.notes.${note.key}`, { ...values(note.detail), count: Number(note.detail.count ?? note.detail.people ?? 0) })
        : pairs(note.detail),
  }
}
