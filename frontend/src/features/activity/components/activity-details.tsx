import { List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Activity } from '../api/activity'
import { fieldChanges, movesOf, teamChanges, textOf } from '../changes'
import type { useValueFormat } from './use-value-format'

type ValueFormat = ReturnType<typeof useValueFormat>

function asSnapshot(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** The details under an entry: before → after of each changed field, team joins and leaves, moves. */
export function ActivityDetails({ entry, values }: { entry: Activity; values: ValueFormat }) {
  const { t } = useTranslation()
  const lines: string[] = []

  if (entry.action === 'deal.team_set') {
    const { added, removed } = teamChanges(entry.before, entry.after)
    const role = (r: string) => t(`activity.roles.${r as 'pmo'}`, { defaultValue: r })
    for (const m of added) lines.push(t('activity.teamAdded', { name: values.userName(m.user_id), role: role(m.role) }))
    for (const m of removed) lines.push(t('activity.teamRemoved', { name: values.userName(m.user_id), role: role(m.role) }))
  } else if (entry.action === 'plan.rescheduled') {
    for (const move of movesOf(entry.after)) {
      lines.push(t('activity.moved', { name: move.name, from: values.value('from_due', move.from_due), to: values.value('to_due', move.to_due) }))
    }
  } else if (entry.action === 'baseline.taken') {
    const reason = textOf(entry.after, 'reason')
    if (reason) lines.push(t('activity.reason', { reason }))
  } else if (entry.before !== null && entry.after !== null) {
    const before = asSnapshot(entry.before)
    const after = asSnapshot(entry.after)
    for (const change of fieldChanges(entry.before, entry.after)) {
      const from = values.value(change.field, change.before, before)
      const to = values.value(change.field, change.after, after)
      lines.push(`${values.label(change.field)}: ${from} → ${to}`)
    }
  }

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
