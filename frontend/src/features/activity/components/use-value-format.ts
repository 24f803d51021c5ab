import { useTranslation } from 'react-i18next'
import { teamPath, useTeamDirectory, useUserDirectory } from '../../../lib/directory'
import { useFormat } from '../../../lib/format'

const DATE_FIELDS = new Set(['planned_start', 'planned_due', 'target_close_date', 'completed_on', 'from_due', 'to_due', 'next_step_due', 'held_on'])
const KNOWN_FIELDS = new Set([
  'name', 'customer_id', 'segment', 'team_id', 'amount_minor', 'currency', 'target_close_date', 'status', 'status_reason',
  'owner_role', 'weight', 'gate', 'planned_start', 'planned_due', 'depends_on', 'assignee_id', 'completed_on', 'milestones',
  'forecast_category', 'manual_probability', 'judgement_note', 'name_zh', 'stance', 'influence', 'decision_role', 'owner_id',
  'next_step', 'next_step_due', 'held_on', 'outcome', 'actions', 'rationale', 'conditions', 'abandon_deal',
])
const STANCES = new Set(['champion', 'supporter', 'neutral', 'skeptic', 'blocker'])
const DECISION_ROLES = new Set(['decision_maker', 'economic_buyer', 'technical_evaluator', 'user', 'influencer', 'gatekeeper', 'coach'])
const OUTCOMES = new Set(['on_track', 'at_risk', 'off_track'])
const FORECAST_CATEGORIES = new Set(['commit', 'best_case', 'pipeline', 'omitted'])
const MILESTONE_STATUSES = new Set(['planned', 'in_progress', 'done', 'blocked', 'skipped'])
const DEAL_STATUSES = new Set(['open', 'won', 'lost', 'abandoned'])
const ROLES = new Set(['pmo', 'business', 'solution'])
const SEGMENTS = new Set(['g2b', 'key_account'])

/**
 * Labels and values of changed fields in the UI language: dates and amounts per locale, statuses
 * and roles translated, people, teams and customers by name. `customers` names customer ids.
 */
export function useValueFormat(customers: Map<string, string>) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const teams = useTeamDirectory().data ?? []
  const users = new Map((useUserDirectory().data ?? []).map((user) => [user.id, user.name]))

  const label = (field: string): string =>
    KNOWN_FIELDS.has(field) ? t(`activity.fields.${field as 'name'}`) : field

  /** `snapshot` is the whole object the value came from, for the currency of an amount. */
  const value = (field: string, raw: unknown, snapshot?: Record<string, unknown>): string => {
    if (raw === null || raw === undefined || raw === '') return t('activity.none')
    if (typeof raw === 'string') {
      if (DATE_FIELDS.has(field)) return format.date(raw)
      if (field === 'status' && (DEAL_STATUSES.has(raw) || MILESTONE_STATUSES.has(raw))) return t(`activity.status.${raw as 'open'}`)
      if (field === 'owner_role' && ROLES.has(raw)) return t(`activity.roles.${raw as 'pmo'}`)
      if (field === 'segment' && SEGMENTS.has(raw)) return t(`activity.segments.${raw as 'g2b'}`)
      if (field === 'forecast_category' && FORECAST_CATEGORIES.has(raw)) return t(`confidence.categories.${raw as 'commit'}`)
      if (field === 'team_id') return teamPath(teams, raw, i18n.language) || raw
      if (field === 'stance' && STANCES.has(raw)) return t(`terms.stances.${raw as 'neutral'}`)
      if (field === 'decision_role' && DECISION_ROLES.has(raw)) return t(`terms.decisionRoles.${raw as 'coach'}`)
      if (field === 'outcome' && OUTCOMES.has(raw)) return t(`retrospectives.outcomes.${raw as 'on_track'}`)
      if (field === 'assignee_id' || field === 'owner_id') return users.get(raw) ?? raw
      if (field === 'customer_id') return customers.get(raw) ?? '…'
      return raw
    }
    if (typeof raw === 'number' && field === 'amount_minor') {
      const currency = typeof snapshot?.currency === 'string' ? snapshot.currency : 'CNY'
      return format.money(raw, currency)
    }
    if (typeof raw === 'number' && field === 'manual_probability') return format.percent(raw)
    if (typeof raw === 'boolean') return raw ? t('activity.yes') : t('activity.no')
    if (Array.isArray(raw)) return t('activity.items', { count: raw.length })
    return typeof raw === 'object' ? JSON.stringify(raw) : String(raw)
  }

  return { label, value, userName: (id: string) => users.get(id) ?? id }
}
