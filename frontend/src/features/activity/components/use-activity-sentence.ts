import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { activityEn } from '../../../i18n/locales/features/activity'
import type { Activity, ActivityAction } from '../api/activity'
import { movesOf, textOf } from '../changes'
import { useLocalName } from './use-local-name'

type SentenceKey = keyof typeof activityEn.actions

/**
 * Every action the server writes and the key of its sentence (keys cannot hold dots). The
 * type makes the list complete: an action added to handlers/openapi.yaml without a sentence
 * does not compile, and activity-sentences.test.tsx checks every action against the document.
 */
export const SENTENCE_KEYS: Record<ActivityAction, SentenceKey> = {
  'deal.created': 'deal_created',
  'deal.updated': 'deal_updated',
  'deal.team_set': 'deal_team_set',
  'deal.judgement_updated': 'deal_judgement_updated',
  'milestone.created': 'milestone_created',
  'milestone.updated': 'milestone_updated',
  'milestone.deleted': 'milestone_deleted',
  'plan.reordered': 'plan_reordered',
  'plan.rescheduled': 'plan_rescheduled',
  'plan.imported': 'plan_imported',
  'plan.import_undone': 'plan_import_undone',
  'baseline.taken': 'baseline_taken',
  'baseline.committed': 'baseline_committed',
  'stakeholder.created': 'stakeholder_created',
  'stakeholder.updated': 'stakeholder_updated',
  'stakeholder.deleted': 'stakeholder_deleted',
  'retrospective.created': 'retrospective_created',
  'retrospective.updated': 'retrospective_updated',
  'retrospective.deleted': 'retrospective_deleted',
  'action.updated': 'action_updated',
  'gate.decided': 'gate_decided',
}

function isKnown(action: string): action is ActivityAction {
  return Object.hasOwn(SENTENCE_KEYS, action)
}

/** One sentence per entry in the UI language: "Li Wei changed the milestone “Award”". */
export function useActivitySentence() {
  const { t } = useTranslation()
  const format = useFormat()
  const localName = useLocalName()
  return (entry: Activity): string => {
    const actor = entry.actor_name ?? t('activity.system')
    if (!isKnown(entry.action)) return t('activity.unknown', { actor, action: entry.action })
    const snapshot = entry.after ?? entry.before
    const heldOn = textOf(snapshot, 'held_on')
    const status = textOf(entry.after, 'status')
    const decision = textOf(entry.after, 'decision')
    const count = entry.action === 'plan.rescheduled' ? movesOf(entry.after).length : Number(textOf(entry.after, 'milestones') || 0)
    return t(`activity.actions.${SENTENCE_KEYS[entry.action]}`, {
      actor,
      name: entry.action === 'action.updated' ? textOf(snapshot, 'title') : localName(snapshot),
      count,
      date: heldOn ? format.date(heldOn) : '',
      status: status === 'open' || status === 'done' ? t(`activity.actionStatus.${status}`) : status,
      decision: decision === 'go' || decision === 'no_go' ? t(`activity.decisions.${decision}`) : decision,
    })
  }
}
