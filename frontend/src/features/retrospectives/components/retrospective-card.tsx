import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { ActionItem, Retrospective } from '../api/types'
import { ActionTable } from './action-table'
import { OutcomeBadge } from './outcome-badge'
import type { ReviewNames } from './use-review-names'

/** Props of one retrospective; `onEdit` and `onDelete` only for those who may change it. */
export interface RetrospectiveCardProps {
  retrospective: Retrospective
  names: ReviewNames
  canToggle: (action: ActionItem) => boolean
  onToggle: (action: ActionItem) => void
  pendingActionId?: string
  onEdit?: () => void
  onDelete?: () => void
}

/** One retrospective: when and where it was held, its verdict, the four answers and its action items. */
export function RetrospectiveCard({ retrospective: r, names, onEdit, onDelete, ...actions }: RetrospectiveCardProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const milestone = names.milestoneName(r.milestone_id)
  const date = format.date(r.held_on)
  const answers = [
    ['planned', r.planned],
    ['happened', r.happened],
    ['gapCause', r.gap_cause],
    ['next', r.next],
  ] as const
  return (
    <Paper component="article" aria-label={t('retrospectives.cardLabel', { date, milestone })} withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="sm">
              <Title order={3} size="h4">{milestone}</Title>
              <OutcomeBadge outcome={r.outcome} />
            </Group>
            <Text size="sm" c="dimmed">{t('retrospectives.heldOn', { date })}</Text>
          </Stack>
          {(onEdit || onDelete) && (
            <Group gap="xs">
              {onEdit && <Button size="xs" variant="default" onClick={onEdit}>{t('retrospectives.edit')}</Button>}
              {onDelete && <Button size="xs" variant="subtle" color="red" onClick={onDelete}>{t('retrospectives.delete')}</Button>}
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {answers.map(([key, text]) => (
            <Stack key={key} gap={2}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">{t(`retrospectives.fields.${key}`)}</Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{text.trim() || t('retrospectives.none')}</Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={600}>{t('retrospectives.actions.title')}</Text>
          <ActionTable actions={r.actions} names={names} canToggle={actions.canToggle} onToggle={actions.onToggle} pendingId={actions.pendingActionId} />
        </Stack>
      </Stack>
    </Paper>
  )
}
