import { Card, Center, Loader, Text, Title } from '@mantine/core'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfidenceBoard } from '../api/board'
import { distributionBars } from '../board-math'
import { useWholeMoney } from './whole-money'

// ECharts is loaded with the board that draws it, not with the app.
const DistributionChart = lazy(() => import('./distribution-chart'))

/** Compact money for axis labels, e.g. "CN¥12M" / "¥1200万". */
function useCompactMoney(currency: string) {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 })
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    return (minor: number) => format.format(minor / 10 ** digits)
  }, [i18n.language, currency])
}

/** The distribution of revenue in the period with the target and P10 / P50 / P90 marked. */
export function DistributionCard({ board }: { board: ConfidenceBoard }) {
  const { t } = useTranslation()
  const compact = useCompactMoney(board.currency)
  const bars = useMemo(() => distributionBars(board.distribution), [board.distribution])
  const money = useWholeMoney(board.currency)
  const marks = [
    { name: 'P10', valueMinor: board.p10_minor },
    { name: 'P50', valueMinor: board.p50_minor },
    { name: 'P90', valueMinor: board.p90_minor },
    ...(board.target_minor === null ? [] : [{ name: t('board.distribution.targetLine'), valueMinor: board.target_minor, target: true }]),
  ]
  const label = t('board.distribution.label', {
    p10: money(board.p10_minor),
    p50: money(board.p50_minor),
    p90: money(board.p90_minor),
    target: board.target_minor === null ? '' : t('board.distribution.targetPart', { target: money(board.target_minor) }),
  })
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-distribution-title" h="100%">
      <Title order={2} size="h4" id="board-distribution-title">{t('board.distribution.title')}</Title>
      {bars.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">{t('board.noOpenDeals')}</Text>
      ) : (
        <Suspense fallback={<Center h={260}><Loader size="sm" /></Center>}>
          <DistributionChart bars={bars} marks={marks} amount={compact} label={label} />
        </Suspense>
      )}
    </Card>
  )
}
