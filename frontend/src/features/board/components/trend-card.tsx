import { Card, Center, Loader, Text, Title } from '@mantine/core'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { BoardQuery } from '../api/board'
import { useConfidenceTrend } from '../api/trend'
import { useWholeMoney } from './whole-money'

// ECharts is loaded with the board that draws it, not with the app.
const TrendChart = lazy(() => import('./trend-chart'))

function useCompactMoney(currency: string) {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    return (minor: number) => format.format(minor / 10 ** digits)
  }, [i18n.language, currency])
}

/**
 * The trend of the scope's probability of target and expected revenue over the weeks of the
 * period, with the target line, from the daily forecast snapshots.
 */
export function TrendCard({ query, currency }: { query: BoardQuery; currency: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const trend = useConfidenceTrend(query)
  const points = trend.data?.points ?? []
  const pointCurrency = points[0]?.currency ?? currency
  const money = useWholeMoney(pointCurrency)
  const compact = useCompactMoney(pointCurrency)
  const percent = (p: number | null) => (p === null ? t('history.trend.noTarget') : `${Math.round(p * 100)}%`)
  const label = t('history.trend.label', {
    points: points
      .map((p) => t('history.trend.point', { day: format.date(p.day), probability: percent(p.probability_of_target), expected: money(p.expected_minor) }))
      .join('; '),
  })
  let body
  if (trend.isPending) body = <Center h={120}><Loader size="sm" /></Center>
  else if (trend.isError) body = <Text size="sm" c="dimmed" mt="sm">{t('history.trend.failed')}</Text>
  else if (!trend.data.available) body = <Text size="sm" c="dimmed" mt="sm">{t('history.trend.restricted')}</Text>
  else if (points.length === 0) body = <Text size="sm" c="dimmed" mt="sm">{t('history.trend.empty')}</Text>
  else
    body = (
      <Suspense fallback={<Center h={260}><Loader size="sm" /></Center>}>
        <TrendChart
          points={points}
          names={{ probability: t('history.trend.probability'), expected: t('history.trend.expected'), target: t('history.trend.target') }}
          amount={compact}
          day={format.date}
          label={label}
        />
      </Suspense>
    )
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-trend-title">
      <Title order={2} size="h4" id="board-trend-title">{t('history.trend.title')}</Title>
      <Text size="xs" c="dimmed">{t('history.trend.description')}</Text>
      {body}
    </Card>
  )
}
