import { Anchor, Button, Center, List, Loader, Stack, Text, Title } from '@mantine/core'
import { lazy, Suspense, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../../components/error-alert'
import { usePeriodLabel } from '../../../../components/period-select'
import type { Schema } from '../../../../lib/api-client'
import { useFormat } from '../../../../lib/format'
import { useConfidenceHistory, type ConfidenceHistoryMove } from '../../api/confidence-history'

/**
 * Renders an activity entry as its sentence. The activity feature words entries; the app hands
 * its renderer in (a feature does not import another), so the sentences read as on the Activity tab.
 */
export type ActivityText = ComponentType<{ entry: Schema<'Activity'> }>

// ECharts is loaded with the section that draws it, not with the app.
const HistoryChart = lazy(() => import('./history-chart'))

/** Moves listed before "Show all". */
const FIRST_MOVES = 10

/** The activity tab narrowed to the time between a move's two snapshots. */
function activityLink(dealId: string, move: ConfidenceHistoryMove): string {
  const query = new URLSearchParams({ from: move.activity_after, to: move.activity_until })
  return `/deals/${encodeURIComponent(dealId)}/activity?${query}`
}

function MoveItem({ dealId, move, ActivityText }: { dealId: string; move: ConfidenceHistoryMove; ActivityText: ActivityText }) {
  const { t } = useTranslation()
  const format = useFormat()
  const pct = (p: number | null) => (p === null ? t('dealHistory.outsideWindow') : format.percent(p))
  const from = format.date(move.from)
  const to = format.date(move.to)
  const timingMoved = move.p_in_period_before !== null && move.p_in_period_after !== null && move.p_in_period_before !== move.p_in_period_after
  return (
    <List.Item aria-label={t('dealHistory.moveLabel', { from, to })}>
      <Stack gap={2}>
        <Text size="sm">
          <Text span fw={600}>{t('dealHistory.span', { from, to })}</Text>
          {' · '}
          {t('dealHistory.confidenceMove', { before: pct(move.confidence_before), after: pct(move.confidence_after) })}
          {' · '}
          {t('dealHistory.pWinMove', { before: format.percent(move.p_win_before), after: format.percent(move.p_win_after) })}
        </Text>
        {move.factors.map((factor) => (
          <Text size="sm" key={factor.key} data-factor={factor.key}>
            <Text span fw={600}>{factor.label}</Text>
            {`: ${t('dealHistory.factorMove', { before: format.points(factor.before), after: format.points(factor.after) })}`}
          </Text>
        ))}
        {move.factors.length === 0 && timingMoved && (
          <Text size="sm">{t('dealHistory.timing', { before: pct(move.p_in_period_before), after: pct(move.p_in_period_after) })}</Text>
        )}
        {move.activity.length === 0 ? (
          <Text size="xs" c="dimmed">{t('dealHistory.noActivity')}</Text>
        ) : (
          <List size="xs" withPadding>
            {move.activity.map((entry) => (
              <List.Item key={entry.id}>
                <Text size="xs" span><ActivityText entry={entry} /></Text>
                <Text size="xs" c="dimmed" span component="time" dateTime={entry.at}>{` · ${format.instant(entry.at)}`}</Text>
              </List.Item>
            ))}
          </List>
        )}
        {move.activity_total > move.activity.length && (
          <Anchor component={Link} to={activityLink(dealId, move)} size="xs">
            {t('dealHistory.moreActivity', { count: move.activity_total })}
          </Anchor>
        )}
      </Stack>
    </List.Item>
  )
}

/**
 * A deal's confidence over time for `period` (on its confidence panel): the line of the daily
 * snapshots and, under it, each move with the factors that changed most and the activity between
 * the two snapshots.
 */
export function ConfidenceHistorySection({ dealId, period, ActivityText }: { dealId: string; period?: string; ActivityText: ActivityText }) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const history = useConfidenceHistory(dealId, period)
  const [showAll, setShowAll] = useState(false)
  const data = history.data
  const name = data ? periodLabel(data.period) : ''
  const moves = data ? (showAll ? data.moves : data.moves.slice(0, FIRST_MOVES)) : []

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">{t('dealHistory.title')}</Title>
      <ErrorAlert error={history.error} />
      {history.isPending && <Center py="md"><Loader size="sm" aria-label={t('dealHistory.loading')} /></Center>}
      {data && data.points.length === 0 && <Text size="sm" c="dimmed">{t('dealHistory.empty')}</Text>}
      {data && data.points.length > 0 && (
        <>
          <Suspense fallback={<Center h={260}><Loader size="sm" /></Center>}>
            <HistoryChart points={data.points} label={t('dealHistory.chartLabel', { period: name })}
              names={{ confidence: t('dealHistory.confidence', { period: name }), pWin: t('dealHistory.pWin') }} />
          </Suspense>
          <Title order={4} size="h5">{t('dealHistory.movesTitle')}</Title>
          {data.moves.length === 0 ? (
            <Text size="sm" c="dimmed">{t('dealHistory.noMoves')}</Text>
          ) : (
            <List spacing="sm" listStyleType="none" aria-label={t('dealHistory.movesTitle')}>
              {moves.map((move) => <MoveItem key={`${move.from}/${move.to}`} dealId={dealId} move={move} ActivityText={ActivityText} />)}
            </List>
          )}
          {!showAll && data.moves.length > FIRST_MOVES && (
            <Button variant="subtle" size="xs" onClick={() => setShowAll(true)}>
              {t('dealHistory.showAll', { count: data.moves.length })}
            </Button>
          )}
        </>
      )}
    </Stack>
  )
}
