import { Alert, Center, Group, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { PageHeader } from '../../components/page-header'
import { ApiError } from '../../lib/api-client'
import { useFormat } from '../../lib/format'
import { usePeriodLabel } from '../../components/period-select'
import { useConfidenceBoard, type BoardQuery, type ConfidenceBoard } from './api/board'
import { BoardToolbar } from './components/board-toolbar'
import { DealTable } from './components/deal-table'
import { DistributionCard } from './components/distribution-card'
import { FocusList } from './components/focus-list'
import { GateHeatmap } from './components/gate-heatmap'
import { HeadlineCards } from './components/headline-cards'
import { QuotaStrip } from './components/quota-strip'
import { ServerStatusCard } from './components/server-status-card'
import { TeamTable } from './components/team-table'
import { TrendCard } from './components/trend-card'
import { useTeamLabel } from './components/use-team-label'
import { boardSearch, useBoardParams } from './use-board-params'
import { WhatChangedCard } from './what-changed/what-changed-card'
import { CalibrationLink } from './components/calibration-link'

/** Why the board could not be rolled up: a missing FX rate or a period Summit keeps nothing for, in the server's words. */
function BoardError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (error instanceof ApiError && error.status === 422) {
    // A missing FX rate's message names the currency and period itself; a refused query names its fields.
    const fields = error.code === 'fx_rate_missing' ? [] : Object.entries(error.fields)
    const lines = fields.length === 0
      ? [error.message]
      : fields.map(([field, message]) => (field === 'period' ? t('board.errors.period', { message }) : `${field}: ${message}`))
    return (
      <Alert color="red" role="alert" variant="light" title={t('board.errors.title')} mb="md">
        {lines.map((line) => <Text key={line} size="sm">{line}</Text>)}
      </Alert>
    )
  }
  return <ErrorAlert error={error} />
}

function Board({ board, query, fetching, cursors, onPage }: { board: ConfidenceBoard; query: BoardQuery; fetching: boolean; cursors: string[]; onPage: (cursors: string[]) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const periodLabel = usePeriodLabel()
  const teamLabel = useTeamLabel()
  const scopeName = teamLabel(board.team_id, board.team_name)
  const last = board.next_cursor
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">{t('board.scope', { team: scopeName, period: periodLabel(board.period), date: format.date(board.as_of) })}</Text>
        {fetching && <Group gap={6}><Loader size="xs" /><Text size="xs" c="dimmed">{t('board.refreshing')}</Text></Group>}
      </Group>
      {board.target_minor === null && (
        <Alert color="yellow" variant="light" mb="md">{t('board.noTarget', { team: scopeName, period: periodLabel(board.period) })}</Alert>
      )}
      <HeadlineCards board={board} />
      <QuotaStrip board={board} />
      <Stack gap="md" mb="md">
        <DistributionCard board={board} />
        <TrendCard query={query} currency={board.currency} />
        <WhatChangedCard query={query} />
        <TeamTable board={board} query={query} />
        <FocusList focus={board.focus} />
      </Stack>
      <DealTable
        board={board}
        page={cursors.length + 1}
        fetching={fetching}
        onPrevious={cursors.length > 0 ? () => onPage(cursors.slice(0, -1)) : undefined}
        onNext={last ? () => onPage([...cursors, last]) : undefined}
      />
      <GateHeatmap deals={board.deals} asOf={board.as_of} />
    </>
  )
}

/**
 * The executives' board, the home page: how likely the scope's revenue target is to be met in
 * the period, the range of outcomes, and the teams, deals, gates and people that move it.
 */
export function BoardPage() {
  const { t } = useTranslation()
  const [query, onChange] = useBoardParams()
  // The cursors of the deal pages walked so far; a new query starts again on the first page.
  const key = boardSearch(query)
  const [paging, setPaging] = useState<{ key: string; cursors: string[] }>({ key, cursors: [] })
  const cursors = paging.key === key ? paging.cursors : []
  const setCursors = (next: string[]) => setPaging({ key, cursors: next })
  const board = useConfidenceBoard(query, cursors.at(-1))
  return (
    <>
      <PageHeader title={t('board.title')} description={t('board.description')} />
      <CalibrationLink />
      <BoardToolbar query={query} period={board.data?.period} onChange={onChange} />
      {board.isPending && (
        <Center py="xl"><Group gap="xs"><Loader size="sm" /><Text size="sm">{t('board.loading')}</Text></Group></Center>
      )}
      {board.isError && <BoardError error={board.error} />}
      {board.data && !board.isError && (
        <Board board={board.data} query={query} fetching={board.isPlaceholderData} cursors={cursors} onPage={setCursors} />
      )}
      <ServerStatusCard />
    </>
  )
}
