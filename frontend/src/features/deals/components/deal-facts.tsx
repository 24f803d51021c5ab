import { Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Deal } from '../../../lib/deals'
import { teamPath, useTeamDirectory } from '../../../lib/directory'
import { useFormat } from '../../../lib/format'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  )
}

/** The deal's key figures in a row: customer, amount, close date, segment, owning team. */
export function DealFacts({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const teams = useTeamDirectory().data ?? []
  return (
    <Group gap="xl" wrap="wrap">
      <Fact label={t('deals.fields.customer')}>{deal.customer_name}</Fact>
      <Fact label={t('deals.fields.amount')}>{format.money(deal.amount_minor, deal.currency)}</Fact>
      <Fact label={t('deals.fields.targetCloseDate')}>{format.date(deal.target_close_date)}</Fact>
      <Fact label={t('deals.fields.segment')}>{t(`deals.segment.${deal.segment}`)}</Fact>
      <Fact label={t('deals.fields.team')}>{teamPath(teams, deal.team_id, i18n.language) || '—'}</Fact>
    </Group>
  )
}
