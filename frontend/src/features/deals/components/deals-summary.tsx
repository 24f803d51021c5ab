import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { DealsSummary as Summary } from '../api/deals'

/**
 * Above the deals list: how many deals the filters select (over every page) and their amounts
 * summed per currency — never added across currencies.
 */
export function DealsSummary({ summary }: { summary: Summary | undefined }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (!summary) return null
  return (
    <Group gap="lg" role="status" aria-label={t('deals.summary.label')} data-testid="deals-summary">
      <Text fw={600} size="sm">{t('deals.summary.count', { count: summary.count })}</Text>
      {summary.totals.map((total) => (
        <Text key={total.currency} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} data-currency={total.currency}>
          {t('deals.summary.perCurrency', { amount: format.money(total.amount_minor, total.currency), count: total.count })}
        </Text>
      ))}
    </Group>
  )
}
