import { Alert, Anchor, Badge, Button, Card, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { lazy, Suspense, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { LIMITS } from '../../../lib/limits'
import { useFormat } from '../../../lib/format'
import type { BoardQuery } from '../api/board'
import { useWholeMoney } from '../components/whole-money'
import { useBoardChanges, type BoardChange, type BoardChanges } from './api'
import { waterfallSteps, type WaterfallStep } from './waterfall'

// ECharts is loaded when the panel opens, not with the board.
const WaterfallChart = lazy(() => import('./waterfall-chart'))

const num = { style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const

/** Where a deal's row links: its activity between the two snapshots' days. */
export function activityHref(report: BoardChanges, change: BoardChange): string {
  const params = new URLSearchParams({ from: report.from_day ?? report.from, to: report.to_day ?? report.as_of })
  return `/deals/${encodeURIComponent(change.deal_id)}/activity?${params.toString()}`
}

function Waterfall({ report }: { report: BoardChanges }) {
  const { t } = useTranslation()
  const format = useFormat()
  const money = useWholeMoney(report.currency)
  const { steps, probability } = useMemo(() => waterfallSteps(report), [report])
  const labelOf = (key: string) =>
    key === 'start' ? t('whatChanged.start') : key === 'now' ? t('whatChanged.now') : key === 'interaction' ? t('whatChanged.interaction') : t(`whatChanged.categories.${key}` as 'whatChanged.categories.new')
  const value = (step: WaterfallStep) => {
    if (probability) return step.total ? format.percent(step.to) : t('whatChanged.points', { value: format.points(step.to - step.from) })
    const delta = step.to - step.from
    return step.total ? money(step.to) : `${delta >= 0 ? '+' : '−'}${money(Math.abs(delta))}`
  }
  const axis = probability ? (x: number) => format.percent(x) : (x: number) => money(x)
  const first = steps[0]!
  const last = steps.at(-1)!
  const middle = steps.slice(1, -1).map((s) => `${labelOf(s.key)} ${value(s)}`).join(', ')
  const label = t(probability ? 'whatChanged.chartLabel' : 'whatChanged.chartLabelExpected', {
    start: value(first), now: value(last), from: format.date(report.from_day!), steps: middle,
  })
  return (
    <Suspense fallback={<Center h={280}><Loader size="sm" /></Center>}>
      <WaterfallChart steps={steps} labels={steps.map((s) => labelOf(s.key))} value={value} axis={axis} label={label} />
    </Suspense>
  )
}

function ChangesTable({ report, page, onPrevious, onNext }: { report: BoardChanges; page: number; onPrevious?: () => void; onNext?: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const money = useWholeMoney(report.currency)
  const pair = (then: string | null, now: string | null) => `${then ?? t('whatChanged.none')} → ${now ?? t('whatChanged.none')}`
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table aria-label={t('whatChanged.table')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('whatChanged.deal')}</Table.Th>
              <Table.Th>{t('whatChanged.change')}</Table.Th>
              <Table.Th>{t('whatChanged.probability')}</Table.Th>
              <Table.Th>{t('whatChanged.amount')}</Table.Th>
              <Table.Th>{report.probability_now === null ? t('whatChanged.expectedEffect') : t('whatChanged.effect')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.items.map((change) => (
              <Table.Tr key={change.deal_id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={activityHref(report, change)} title={t('whatChanged.activityLink', { deal: change.name })} fw={500}>
                    {change.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">{change.customer_name}</Text>
                </Table.Th>
                <Table.Td><Badge variant="light" tt="none" maw="none" color={change.effect !== null && change.effect < 0 ? 'red' : 'teal'}>{t(`whatChanged.categories.${change.category}`)}</Badge></Table.Td>
                <Table.Td {...num}>{pair(change.then && format.percent(change.then.probability), change.now && format.percent(change.now.probability))}</Table.Td>
                <Table.Td {...num}>{pair(change.then && money(change.then.amount_minor), change.now && money(change.now.amount_minor))}</Table.Td>
                <Table.Td {...num} fw={700}>
                  {change.effect === null
                    ? `${change.expected_effect_minor >= 0 ? '+' : '−'}${money(Math.abs(change.expected_effect_minor))}`
                    : t('whatChanged.points', { value: format.points(change.effect) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(onPrevious || onNext) && (
        <Group justify="flex-end" gap="xs" mt="xs">
          <Text size="sm" c="dimmed">{page}</Text>
          <Button size="xs" variant="default" disabled={!onPrevious} onClick={onPrevious}>{t('whatChanged.previous')}</Button>
          <Button size="xs" variant="default" disabled={!onNext} onClick={onNext}>{t('whatChanged.next')}</Button>
        </Group>
      )}
    </>
  )
}

function Report({ report, page, onPrevious, onNext }: { report: BoardChanges; page: number; onPrevious?: () => void; onNext?: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (report.from_day === null) return <Alert color="yellow" variant="light">{t('whatChanged.noSnapshot', { date: format.date(report.from) })}</Alert>
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('whatChanged.compared', { from: format.date(report.from_day), to: report.to_day ? format.date(report.to_day) : t('whatChanged.nowLabel') })}
        {' · '}
        {t('whatChanged.count', { count: report.total_changes })}
      </Text>
      {report.probability_now === null && <Alert color="yellow" variant="light">{t('whatChanged.noTarget')}</Alert>}
      <Waterfall report={report} />
      {report.total_changes === 0 ? <Text size="sm" c="dimmed">{t('whatChanged.nothing')}</Text> : <ChangesTable report={report} page={page} onPrevious={onPrevious} onNext={onNext} />}
    </Stack>
  )
}

/**
 * "What changed since" on the board: opened on demand, it compares the board's scope and period
 * with a day's snapshot (last Monday unless another day is picked) as a waterfall of the
 * probability of target and a table of the deals that moved, each linked to its activity.
 */
export function WhatChangedCard({ query }: { query: BoardQuery }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [from, setFrom] = useState<string | undefined>(undefined)
  const [cursors, setCursors] = useState<string[]>([])
  const changes = useBoardChanges(query, from, cursors.at(-1), open)
  const report = changes.data
  const next = report?.next_cursor
  if (!open) {
    return (
      <Group>
        <Button variant="light" onClick={() => setOpen(true)}>{t('whatChanged.open')}</Button>
      </Group>
    )
  }
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="what-changed-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Group align="flex-end" gap="sm">
          <Title order={2} size="h4" id="what-changed-title">{t('whatChanged.title')}</Title>
          <TextInput
            type="date"
            size="xs"
            label={t('whatChanged.since')}
            title={t('whatChanged.sinceHint')}
            min={LIMITS.dateMin}
            max={report?.as_of}
            value={from ?? report?.from ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value
              if (value) {
                setFrom(value)
                setCursors([])
              }
            }}
          />
        </Group>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>{t('whatChanged.close')}</Button>
      </Group>
      {changes.isPending && <Center py="md"><Group gap="xs"><Loader size="sm" /><Text size="sm">{t('whatChanged.loading')}</Text></Group></Center>}
      {changes.isError && <ErrorAlert error={changes.error} />}
      {report && !changes.isError && (
        <Report
          report={report}
          page={cursors.length + 1}
          onPrevious={cursors.length > 0 ? () => setCursors(cursors.slice(0, -1)) : undefined}
          onNext={next ? () => setCursors([...cursors, next]) : undefined}
        />
      )}
    </Card>
  )
}
