import { Card, Center, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import type { Deal } from '../../../lib/deals'
import { useFormat } from '../../../lib/format'
import { useDealConfidence, type Confidence } from '../api/confidence'
import { PeriodSelect, usePeriodLabel } from '../components/period-select'
import { FactorTable } from './factor-table'
import { ConfidenceHistorySection, type ActivityText } from './history/confidence-history'
import { GapFlag } from './gap-flag'
import { JudgementEditor } from './judgement-editor'
import { useConfidencePeriod } from './use-confidence-period'
import { useExplanations } from './use-explanations'
import { waterfallBars } from './waterfall'

// ECharts is loaded with the panel that draws it, not with the app.
const WaterfallChart = lazy(() => import('./waterfall-chart'))

function Figure({ label, value, hint, big = false, figure }: { label: string; value: string; hint?: string; big?: boolean; figure?: { name: string; value: number } }) {
  // `data-figure` / `data-value` carry the unrounded probability, for end-to-end checks of small moves.
  return (
    <div data-figure={figure?.name} data-value={figure?.value}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} fz={big ? 40 : 'xl'} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </div>
  )
}

/** The headline figures: confidence, p_win, p_in_period, expected close and the 80 % date. */
export function ConfidenceFigures({ confidence }: { confidence: Confidence }) {
  const { t } = useTranslation()
  const format = useFormat()
  const periodLabel = usePeriodLabel()
  const date = (value: string | null) => (value ? format.date(value) : t('confidence.noClose'))
  return (
    <Group gap="xl" align="flex-end" role="group" aria-label={t('confidence.title')}>
      <Figure big label={t('confidence.confidence')} value={format.percent(confidence.confidence)}
        hint={t('confidence.confidenceHint', { period: periodLabel(confidence.period) })} figure={{ name: 'confidence', value: confidence.confidence }} />
      <Figure label={t('confidence.pWin')} value={format.percent(confidence.p_win)} figure={{ name: 'p_win', value: confidence.p_win }} />
      <Figure label={t('confidence.pInPeriod')} value={format.percent(confidence.p_in_period)} figure={{ name: 'p_in_period', value: confidence.p_in_period }} />
      <Figure label={t('confidence.expectedClose')} value={date(confidence.expected_close)} />
      <Figure label={t('confidence.closeP80')} value={date(confidence.close_p80)} />
    </Group>
  )
}

/**
 * The Confidence tab: for the period in the URL (the current fiscal quarter by default) the
 * confidence with its parts, a waterfall of the factors with the same figures as a table, the
 * timing notes, the model beside the judgement, the judgement editor, and the confidence over time.
 */
export function ConfidencePanel({ deal, ActivityText }: { deal: Deal; ActivityText: ActivityText }) {
  const { t } = useTranslation()
  const format = useFormat()
  const explain = useExplanations()
  const [period, setPeriod] = useConfidencePeriod()
  const confidence = useDealConfidence(deal.id, period)
  const data = confidence.data

  return (
    <Stack gap="md">
      <Group align="flex-end" justify="space-between">
        <PeriodSelect label={t('confidence.period')} w={200} allowDeselect={false} value={period ?? data?.period ?? null}
          onChange={(value) => value && setPeriod(value)} />
        {data && <Text size="sm" c="dimmed">{t('confidence.asOf', { date: format.date(data.as_of) })}</Text>}
      </Group>
      <ErrorAlert error={confidence.error} />
      {confidence.isPending && <Center py="xl"><Loader size="sm" aria-label={t('confidence.loading')} /></Center>}
      {data && (
        <>
          <ConfidenceFigures confidence={data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder padding="md"><GapFlag confidence={data} /></Card>
            <Card withBorder padding="md"><JudgementEditor key={deal.id} deal={deal} /></Card>
          </SimpleGrid>
          <Title order={3} size="h4">{t('confidence.factorsTitle')}</Title>
          {data.factors.length === 0 && <Text size="sm" c="dimmed">{t('confidence.noFactors')}</Text>}
          <Suspense fallback={<Center h={300}><Loader size="sm" /></Center>}>
            <WaterfallChart label={t('confidence.waterfallLabel')}
              bars={waterfallBars(data.base, data.factors, { base: t('confidence.base'), result: t('confidence.result') })} />
          </Suspense>
          <FactorTable confidence={data} />
          <Title order={3} size="h4">{t('confidence.timingTitle')}</Title>
          {data.timing.length === 0 ? (
            <Text size="sm" c="dimmed">{t('confidence.noTiming')}</Text>
          ) : (
            <List size="sm" spacing={4} aria-label={t('confidence.timingTitle')}>
              {data.timing.map((note) => (
                <List.Item key={note.key}>
                  <Text size="sm" span fw={600}>{note.label}</Text>
                  <Text size="sm" span>{` — ${explain.note(note)}`}</Text>
                </List.Item>
              ))}
            </List>
          )}
          <ConfidenceHistorySection dealId={deal.id} period={period ?? data.period} ActivityText={ActivityText} />
        </>
      )}
    </Stack>
  )
}
