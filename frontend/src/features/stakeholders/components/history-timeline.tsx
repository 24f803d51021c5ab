import { Stack, Text, Timeline } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useStakeholderHistory } from '../api/stakeholder-queries'
import type { FieldChange } from '../api/types'

/** The label of each tracked field: the same as the field's in the drawer. */
const LABELS = {
  stance: 'stance',
  influence: 'influence',
  decision_role: 'decisionRole',
  owner_id: 'owner',
  next_step: 'nextStep',
  next_step_due: 'nextStepDue',
} as const

/** A person's recorded changes, newest first: who, when, each field from → to, and the note. */
export function HistoryTimeline({ dealId, stakeholderId, userName }: {
  dealId: string
  stakeholderId: string
  userName: (id: string | null) => string | null
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const history = useStakeholderHistory(dealId, stakeholderId)
  const none = t('stakeholders.fields.none')

  const show = (field: string, value: FieldChange['from']): string => {
    if (value === null || value === '') return none
    const text = String(value)
    if (field === 'stance') return t(`terms.stances.${text as 'neutral'}`, { defaultValue: text })
    if (field === 'decision_role') return t(`terms.decisionRoles.${text as 'user'}`, { defaultValue: text })
    if (field === 'owner_id') return userName(text) ?? text
    if (field === 'next_step_due') return format.date(text)
    return text
  }
  const label = (field: string) => (field in LABELS ? t(`stakeholders.fields.${LABELS[field as keyof typeof LABELS]}`) : field)

  if (history.isPending) return <Text size="sm" c="dimmed">{t('common.loading')}</Text>
  if (history.isError) return <ErrorAlert error={history.error} />
  if (history.data.length === 0) return <Text size="sm" c="dimmed">{t('stakeholders.history.empty')}</Text>
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('stakeholders.drawer.history')}>
      {history.data.map((entry) => {
        const changes = Object.entries(entry.changes)
        return (
          <Timeline.Item key={entry.id} data-history-id={entry.id}
            title={<Text size="sm" fw={600}>{entry.actor_name ?? t('stakeholders.history.someone')} · <Text span size="xs" c="dimmed">{format.instant(entry.at)}</Text></Text>}>
            <Stack gap={2} mt={2}>
              {changes.length === 0 && <Text size="sm" c="dimmed">{t('stakeholders.history.noteOnly')}</Text>}
              {changes.map(([field, change]) => (
                <Text size="sm" key={field} data-field={field}>
                  <Text span size="sm" c="dimmed">{label(field)}: </Text>
                  {show(field, change.from)} → {show(field, change.to)}
                </Text>
              ))}
              {entry.note && (
                <Text size="sm" fs="italic" mt={2} pl="xs" data-note style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', whiteSpace: 'pre-wrap' }}>
                  {entry.note}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        )
      })}
    </Timeline>
  )
}
