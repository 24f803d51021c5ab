import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useOverdueActions } from '../api/review-queries'
import type { ReviewNames } from './use-review-names'

/** The deal's overdue actions at the top of the tab, in red; nothing while there are none. */
export function OverdueStrip({ dealId, names }: { dealId: string; names: ReviewNames }) {
  const { t } = useTranslation()
  const format = useFormat()
  const overdue = useOverdueActions(dealId)
  if (overdue.isError) return <ErrorAlert error={overdue.error} />
  const actions = overdue.data ?? []
  if (actions.length === 0) return null
  return (
    <Paper component="section" aria-label={t('retrospectives.overdue.title')} withBorder p="sm" bg="red.0" style={{ borderColor: 'var(--mantine-color-red-4)' }}>
      <Title order={3} size="h5" c="red.8" mb={6}>
        {t('retrospectives.overdue.title')} ({actions.length})
      </Title>
      <Stack gap={4} component="ul" m={0} pl="md">
        {actions.map((action) => (
          <li key={action.id}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={500}>{action.title}</Text>
              <Text size="sm" c="dimmed">· {names.userName(action.owner_id)}</Text>
              <Text size="sm" c="red.8">· {t('retrospectives.overdue.line', { date: format.date(action.due_on) })}</Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  )
}
