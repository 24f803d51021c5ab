import { Alert, Anchor, Card, Center, Group, Loader, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/error-alert'
import { PageHeader } from '../../components/page-header'
import { useFormat } from '../../lib/format'
import { usePermission } from '../../lib/session'
import { LEAD_TIMES, useCalibration, useTemplateChoices, type CalibrationQuery, type CalibrationReport, type LeadDays, type Segment } from './api/calibration'
import { bandLabel, COIN_TOSS, formatScore, reliabilityPoints } from './reliability'

// ECharts is loaded with the page that draws it, not with the app.
const ReliabilityChart = lazy(() => import('./components/reliability-chart'))

const SEGMENTS: readonly Segment[] = ['g2b', 'key_account']

/** The filters kept in the URL: ?lead_days=90|60|30&segment=&template_id=. */
function useCalibrationParams(): [CalibrationQuery, (change: Partial<CalibrationQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const lead = Number(params.get('lead_days'))
  const segment = params.get('segment')
  const query: CalibrationQuery = {
    leadDays: (LEAD_TIMES as readonly number[]).includes(lead) ? (lead as LeadDays) : 90,
    segment: SEGMENTS.includes(segment as Segment) ? (segment as Segment) : undefined,
    templateId: params.get('template_id') || undefined,
  }
  const onChange = (change: Partial<CalibrationQuery>) => {
    const next = { ...query, ...change }
    const search = new URLSearchParams()
    if (next.leadDays !== 90) search.set('lead_days', String(next.leadDays))
    if (next.segment) search.set('segment', next.segment)
    if (next.templateId) search.set('template_id', next.templateId)
    setParams(search, { replace: true })
  }
  return [query, onChange]
}

function Filters({ query, onChange }: { query: CalibrationQuery; onChange: (change: Partial<CalibrationQuery>) => void }) {
  const { t, i18n } = useTranslation()
  const templates = useTemplateChoices()
  const zh = i18n.language.startsWith('zh')
  const templateOptions = (templates.data ?? [])
    .filter((tpl) => !query.segment || tpl.segment === query.segment)
    .map((tpl) => ({ value: tpl.id, label: (zh && tpl.name_zh.trim()) || tpl.name }))
  return (
    <Group align="flex-end" gap="md" mb="md" role="group" aria-label={t('calibration.controls')} wrap="wrap">
      <Stack gap={2}>
        <Text size="sm" fw={500} id="calibration-lead-label">{t('calibration.leadTime')}</Text>
        <SegmentedControl aria-labelledby="calibration-lead-label" value={String(query.leadDays)}
          onChange={(value) => onChange({ leadDays: Number(value) as LeadDays })}
          data={LEAD_TIMES.map((days) => ({ value: String(days), label: t('calibration.leadDays', { days }) }))} />
      </Stack>
      <Select label={t('calibration.segment')} placeholder={t('calibration.allSegments')} clearable w={220}
        value={query.segment ?? null}
        data={SEGMENTS.map((segment) => ({ value: segment, label: t(`calibration.segments.${segment}`) }))}
        // A template of the other segment would match nothing: changing the segment lets it go.
        onChange={(value) => onChange({ segment: (value as Segment | null) ?? undefined, templateId: undefined })} />
      <Select label={t('calibration.template')} placeholder={t('calibration.allTemplates')} clearable searchable w={260}
        value={query.templateId ?? null} data={templateOptions}
        onChange={(value) => onChange({ templateId: value ?? undefined })} />
    </Group>
  )
}

function Nothing({ report }: { report: CalibrationReport }) {
  const { t } = useTranslation()
  return (
    <Alert color="blue" variant="light" title={t('calibration.empty.title')}>
      <Text size="sm">
        {report.closed_deals === 0
          ? t('calibration.empty.noClosed')
          : t('calibration.empty.noSnapshots', { count: report.closed_deals, days: report.lead_days })}
      </Text>
      {report.closed_deals > 0 && report.lead_days > Math.min(...LEAD_TIMES) && <Text size="sm" mt="xs">{t('calibration.empty.tryShorter')}</Text>}
    </Alert>
  )
}

function Score({ label, value, coinToss, help }: { label: string; value: number; coinToss: number; help: string }) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="md" role="group" aria-label={label} data-value={value}>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={700}>{formatScore(value)}</Text>
      <Text size="sm" c={value < coinToss ? 'teal' : 'orange'} fw={500}>
        {value < coinToss ? t('calibration.verdict.good') : t('calibration.verdict.poor')} ({formatScore(coinToss)})
      </Text>
      <Text size="sm" mt="xs">{help}</Text>
    </Card>
  )
}

function Report({ report }: { report: CalibrationReport }) {
  const { t } = useTranslation()
  const format = useFormat()
  const points = useMemo(() => reliabilityPoints(report.reliability), [report.reliability])
  const text = { predicted: t('calibration.diagram.predicted'), observed: t('calibration.diagram.observed'), diagonal: t('calibration.diagram.diagonal') }
  if (report.count === 0 || report.brier === null || report.log_loss === null) return <Nothing report={report} />
  const unscored = report.closed_deals - report.count
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('calibration.scope', { count: report.count, won: report.won, lost: report.lost, days: report.lead_days })}
        {unscored > 0 && ` ${t('calibration.unscored', { count: unscored })}`}
      </Text>
      <section aria-label={t('calibration.scores')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Score label={t('calibration.brier')} value={report.brier} coinToss={COIN_TOSS.brier} help={t('calibration.brierHelp')} />
          <Score label={t('calibration.logLoss')} value={report.log_loss} coinToss={COIN_TOSS.logLoss} help={t('calibration.logLossHelp')} />
        </SimpleGrid>
      </section>
      <Card withBorder padding="md" component="section" aria-labelledby="calibration-diagram-title">
        <Title order={2} size="h4" id="calibration-diagram-title">{t('calibration.diagram.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('calibration.diagram.help')}</Text>
        <Suspense fallback={<Center h={360}><Loader size="sm" /></Center>}>
          <ReliabilityChart points={points} text={text} label={t('calibration.diagram.label', { bins: points.length })} />
        </Suspense>
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="calibration-table-title">
        <Title order={2} size="h4" id="calibration-table-title" mb="sm">{t('calibration.table.title')}</Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-labelledby="calibration-table-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calibration.table.band')}</Table.Th>
                <Table.Th ta="right">{t('calibration.table.deals')}</Table.Th>
                <Table.Th ta="right">{t('calibration.table.won')}</Table.Th>
                <Table.Th ta="right">{t('calibration.table.predicted')}</Table.Th>
                <Table.Th ta="right">{t('calibration.table.observed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.reliability.map((bin) => (
                <Table.Tr key={bin.from}>
                  <Table.Th scope="row" fw={400}>{bandLabel(bin)}</Table.Th>
                  <Table.Td ta="right">{bin.count}</Table.Td>
                  <Table.Td ta="right">{bin.won}</Table.Td>
                  <Table.Td ta="right">{bin.mean_predicted === null ? t('calibration.table.none') : format.percent(bin.mean_predicted)}</Table.Td>
                  <Table.Td ta="right">{bin.observed_rate === null ? t('calibration.table.none') : format.percent(bin.observed_rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  )
}

/**
 * Calibration, for admins and executives: can the confidence be trusted? The closed deals' confidence
 * at a lead time against their outcomes — Brier score, log loss and the reliability diagram.
 */
export function CalibrationPage() {
  const { t } = useTranslation()
  // The server refuses everyone else (403); say so rather than ask.
  if (!usePermission('calibration:read')) return <PageHeader title={t('calibration.noAccessTitle')} description={t('calibration.noAccess')} />
  return <Calibration />
}

function Calibration() {
  const { t } = useTranslation()
  const [query, onChange] = useCalibrationParams()
  const report = useCalibration(query)
  return (
    <>
      <Anchor component={Link} to="/board" size="sm">← {t('calibration.back')}</Anchor>
      <PageHeader title={t('calibration.title')} description={t('calibration.description')} />
      <Filters query={query} onChange={onChange} />
      {report.isPending && (
        <Center py="xl"><Group gap="xs"><Loader size="sm" /><Text size="sm">{t('calibration.loading')}</Text></Group></Center>
      )}
      {report.isError && <ErrorAlert error={report.error} />}
      {report.data && !report.isError && <Report report={report.data} />}
    </>
  )
}
