import { ActionIcon, Anchor, Button, Card, Center, Group, Loader, Progress, Table, Text, Title } from '@mantine/core'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useDealConfidence } from '../../../lib/confidence'
import { FactorTable } from '../../../components/factor-table'
import type { BoardDeal, ConfidenceBoard } from '../api/board'
import { useGateText } from './focus-list'

const COLUMNS = 9

/** The factors of one deal's chance of winning, fetched when its row opens. */
function DealFactors({ dealId, period }: { dealId: string; period: string }) {
  const { t } = useTranslation()
  const confidence = useDealConfidence(dealId, period)
  if (confidence.isPending) return <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('board.deals.factorsLoading')}</Text></Group>
  if (confidence.isError) return <ErrorAlert error={confidence.error} />
  return <FactorTable confidence={confidence.data} />
}

function ProbabilityBar({ value }: { value: number }) {
  const format = useFormat()
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={value * 100} w={64} size="sm" aria-hidden />
      <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>{format.percent(value)}</Text>
    </Group>
  )
}

function DealRow({ deal, board, open, onToggle }: { deal: BoardDeal; board: ConfidenceBoard; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const gate = useGateText()
  const num = { style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const
  const chance = (value: number | null) => (value === null ? t('board.none') : format.percent(value))
  const judgement = `${deal.manual_probability === null ? t('board.none') : format.percent(deal.manual_probability)} · ${t(`confidence.categories.${deal.forecast_category}`)}`
  return (
    <Fragment>
      <Table.Tr aria-label={deal.name}>
        <Table.Td w={36}>
          <ActionIcon variant="subtle" size="sm" onClick={onToggle} aria-expanded={open}
            aria-label={t(open ? 'board.deals.collapse' : 'board.deals.expand', { deal: deal.name })}>
            <span aria-hidden>{open ? '▾' : '▸'}</span>
          </ActionIcon>
        </Table.Td>
        <Table.Th scope="row">
          <Anchor component={Link} to={`/deals/${encodeURIComponent(deal.deal_id)}`} fw={500}>{deal.name}</Anchor>
          <Text size="xs" c="dimmed">{deal.customer_name}</Text>
        </Table.Th>
        <Table.Td {...num}>
          {format.money(deal.amount_minor, board.currency)}
          {deal.deal_currency !== board.currency && <Text size="xs" c="dimmed">{format.money(deal.deal_amount_minor, deal.deal_currency)}</Text>}
        </Table.Td>
        <Table.Td><ProbabilityBar value={deal.probability} /></Table.Td>
        <Table.Td {...num}>{format.percent(deal.model_confidence)} / {judgement}</Table.Td>
        <Table.Td>
          {deal.next_gate ? (
            <>
              <Text size="sm">{gate.name(deal.next_gate)}</Text>
              <Text size="xs" c="dimmed">{format.date(deal.next_gate.due)}</Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">{t('board.focus.noGate')}</Text>
          )}
        </Table.Td>
        <Table.Td {...num} c={deal.slip_days && deal.slip_days > 0 ? 'red.8' : undefined}>
          {deal.slip_days === null ? t('board.none') : t('board.deals.slipDays', { days: deal.slip_days })}
        </Table.Td>
        <Table.Td {...num}>{chance(deal.if_won)}</Table.Td>
        <Table.Td {...num}>{chance(deal.if_lost)}</Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS} bg="gray.0">
            <DealFactors dealId={deal.deal_id} period={board.period} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  )
}

/**
 * One page of the open deals (the server pages them by swing): the probability on the board's
 * basis, model beside judgement, the next gate, the slip and the probability of target if the
 * deal is won or lost. A row opens to show its factors.
 */
export function DealTable(props: { board: ConfidenceBoard; page: number; onPrevious?: () => void; onNext?: () => void; fetching: boolean }) {
  const { t } = useTranslation()
  const { board } = props
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-deals-title" mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="board-deals-title">{t('board.deals.title')}</Title>
        <Text size="sm" c="dimmed">{t('board.openDeals', { count: board.open_deals })}</Text>
      </Group>
      {board.deals.length === 0 ? (
        <Text size="sm" c="dimmed">{t('board.noOpenDeals')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table aria-label={t('board.deals.table')} verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('board.deals.name')}</Table.Th>
                <Table.Th>{t('board.deals.amount')}</Table.Th>
                <Table.Th>{t('board.deals.probability')}</Table.Th>
                <Table.Th>{t('board.deals.modelJudgement')}</Table.Th>
                <Table.Th>{t('board.deals.nextGate')}</Table.Th>
                <Table.Th>{t('board.deals.slip')}</Table.Th>
                <Table.Th>{t('board.deals.ifWon')}</Table.Th>
                <Table.Th>{t('board.deals.ifLost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.deals.map((deal) => (
                <DealRow key={deal.deal_id} deal={deal} board={board} open={open.has(deal.deal_id)} onToggle={() => toggle(deal.deal_id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(props.onPrevious || props.onNext) && (
        <Group justify="center" gap="sm" mt="sm">
          <Button size="xs" variant="default" disabled={!props.onPrevious || props.fetching} onClick={props.onPrevious}>{t('board.deals.previous')}</Button>
          {props.fetching ? <Center w={60}><Loader size="xs" /></Center> : <Text size="sm">{t('board.deals.page', { page: props.page })}</Text>}
          <Button size="xs" variant="default" disabled={!props.onNext || props.fetching} onClick={props.onNext}>{t('board.deals.next')}</Button>
        </Group>
      )}
    </Card>
  )
}
