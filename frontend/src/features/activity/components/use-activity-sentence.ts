import { useTranslation } from 'react-i18next'
import type { Activity } from '../api/activity'
import { movesOf, textOf } from '../changes'

/** The actions this UI words; others are shown by their code. */
export const KNOWN_ACTIONS = [
  'deal.created',
  'deal.updated',
  'deal.team_set',
  'deal.judgement_updated',
  'milestone.created',
  'milestone.updated',
  'milestone.deleted',
  'plan.rescheduled',
  'plan.reordered',
  'plan.imported',
  'plan.import_undone',
  'baseline.taken',
] as const

type KnownAction = (typeof KNOWN_ACTIONS)[number]

/** One sentence per entry in the UI language: "Li Wei moved milestone “Award”". */
export function useActivitySentence() {
  const { t } = useTranslation()
  return (entry: Activity): string => {
    const actor = entry.actor_name ?? t('activity.system')
    if (!KNOWN_ACTIONS.includes(entry.action as KnownAction)) return t('activity.unknown', { actor, action: entry.action })
    // Translation keys cannot contain dots, so `deal.team_set` is `activity.actions.deal_team_set`.
    const key = entry.action.replace('.', '_') as 'deal_created'
    const name = textOf(entry.after, 'name') || textOf(entry.before, 'name')
    const count = entry.action === 'plan.rescheduled' ? movesOf(entry.after).length : Number(textOf(entry.after, 'milestones') || 0)
    return t(`activity.actions.${key}`, { actor, name, count })
  }
}
