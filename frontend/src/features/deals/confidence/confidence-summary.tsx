import { Anchor, Badge, Card, Group, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useFormat } from '../../../lib/format'
import { useDealConfidence } from '../api/confidence'
import { usePeriodLabel } from '../components/period-select'
import { useConfidencePeriod } from './use-confidence-period'

/**
 * The confidence at a glance above every workspace tab: the number for the period, the judgement
 * beside it, the gap warning, and a link to the Confidence tab that explains it.
 */
export function ConfidenceSummary({ dealId }: { dealId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const location = useLocation()
  const periodLabel = usePeriodLabel()
  const [period] = useConfidencePeriod()
  const { data } = useDealConfidence(dealId, period)
  if (!data) return null
  return (
    <Card withBorder padding="sm" mb="md" role="region" aria-label={t('confidence.summaryLabel')}>
      <Group gap="lg" wrap="wrap">
        <Group gap="xs" align="baseline">
          <Text size="sm" c="dimmed">{t('confidence.confidence')} · {periodLabel(data.period)}</Text>
          <Text fw={700} fz="xl" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.percent(data.confidence)}</Text>
        </Group>
        <Progress value={data.confidence * 100} w={120} size="sm" aria-hidden />
        <Text size="sm">{t('confidence.pWin')}: {format.percent(data.p_win)}</Text>
        <Text size="sm">{t('confidence.pInPeriod')}: {format.percent(data.p_in_period)}</Text>
        <Text size="sm">
          {t('confidence.gap.judgement')}: {t(`confidence.categories.${data.forecast_category}`)}
          {data.manual_probability !== null && ` · ${format.percent(data.manual_probability)}`}
        </Text>
        {data.gap_flagged && data.gap_points !== null && (
          <Badge color="orange" variant="light">{t('confidence.gap.flagged', { points: Math.round(Math.abs(data.gap_points)) })}</Badge>
        )}
        <Anchor component={Link} to={{ pathname: `/deals/${dealId}/confidence`, search: location.search }} state={location.state} size="sm">
          {t('confidence.explain')}
        </Anchor>
      </Group>
    </Card>
  )
}
