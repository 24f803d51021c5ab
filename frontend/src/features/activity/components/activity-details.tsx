import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../api/activity'
import { fieldChanges, movesOf, recordedChanges, teamChanges, textOf } from '../changes'
import { useLocalName } from './use-local-name'
import type { useValueFormat } from './use-value-format'

type ValueFormat = ReturnType<typeof useValueFormat>

function asSnapshot(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The lines under an entry: before → after of each changed field, team joins and leaves, moves, reasons. */
function useDetailLines(values: ValueFormat) {
  const { t } = useTranslation()
  const localName = useLocalName()
  const change = (field: string, from: unknown, to: unknown, before?: Record<string, unknown>, after?: Record<string, unknown>) =>
    `${values.label(field)}: ${values.value(field, from, before)} → ${values.value(field, to, after)}`
  const fact = (field: string, value: unknown) => `${values.label(field)}: ${values.value(field, value)}`

  return (entry: Activity): string[] => {
    const lines: string[] = []
    switch (entry.action) {
      case 'deal.team_set': {
        const { added, removed } = teamChanges(entry.before, entry.after)
        const role = (r: string) => t(`activity.roles.${r as 'pmo'}`, { defaultValue: r })
        for (const m of added) lines.push(t('activity.teamAdded', { name: values.userName(m.user_id), role: role(m.role) }))
        for (const m of removed) lines.push(t('activity.teamRemoved', { name: values.userName(m.user_id), role: role(m.role) }))
        return lines
      }
      case 'plan.rescheduled':
        return movesOf(entry.after).map((move) =>
          t('activity.moved', { name: localName(move), from: values.value('from_due', move.from_due), to: values.value('to_due', move.to_due) }),
        )
      case 'baseline.taken': {
        const reason = textOf(entry.after, 'reason')
        return reason ? [t('activity.reason', { reason })] : []
      }
      case 'baseline.committed': {
        const previous = textOf(entry.before, 'name')
        const reason = textOf(entry.after, 'reason')
        if (previous) lines.push(t('activity.committedBefore', { name: previous }))
        if (reason) lines.push(t('activity.reason', { reason }))
        return lines
      }
      case 'stakeholder.updated':
        return recordedChanges(entry.before).map((c) => change(c.field, c.before, c.after))
      case 'retrospective.created':
        return ['outcome', 'actions'].map((field) => fact(field, asSnapshot(entry.after)?.[field]))
      case 'action.updated': {
        const status = (s: string) => (s === 'open' || s === 'done' ? t(`activity.actionStatus.${s}`) : s || t('activity.none'))
        return [`${values.label('status')}: ${status(textOf(entry.before, 'status'))} → ${status(textOf(entry.after, 'status'))}`]
      }
      case 'gate.decided': {
        const after = asSnapshot(entry.after) ?? {}
        for (const field of ['rationale', 'conditions']) if (after[field]) lines.push(fact(field, after[field]))
        if (after.abandon_deal === true) lines.push(fact('abandon_deal', true))
        return lines
      }
    }
    if (entry.before === null || entry.after === null) return lines
    const before = asSnapshot(entry.before)
    const after = asSnapshot(entry.after)
    return fieldChanges(entry.before, entry.after).map((c) => change(c.field, c.before, c.after, before, after))
  }
}

/** The details under an entry, as a list; nothing when the entry has none. */
export function ActivityDetails({ entry, values }: { entry: Activity; values: ValueFormat }) {
  const lines = useDetailLines(values)(entry)
  if (lines.length === 0) return null
  return (
    <List size="sm" spacing={2} mt={4} c="dimmed">
      {lines.map((line, i) => (
        <List.Item key={i}>
          <Text size="sm" span>
            {line}
          </Text>
        </List.Item>
      ))}
    </List>
  )
}
