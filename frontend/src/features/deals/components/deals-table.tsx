import { Anchor, Center, Group, Loader, Progress, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { SortHeader } from '../../../components/sort-header'
import type { Deal } from '../../../lib/deals'
import { teamPath, useTeamDirectory } from '../../../lib/directory'
import { useFormat } from '../../../lib/format'
import type { DealSort } from '../api/deals'
import { DealStatusBadge } from './deal-status-badge'
import { PlanAfterTargetBadge } from './plan-after-target-alert'
import { usePeriodLabel } from './period-select'

/** The deals of one page; clicking a row (or its name) opens the deal. */
export function DealsTable(props: {
  deals: Deal[] | undefined
  /** The period the confidence column is for, when the list asks for one; else the server's (from the items). */
  period?: string
  loading: boolean
  sort: DealSort
  onSort: (sort: DealSort) => void
  /** Where a deal opens; the name is a real link too, for keyboards and new tabs. */
  hrefOf: (deal: Deal) => string
  /** History state for the opened deal (the list to return to). */
  linkState?: unknown
}) {
  const navigate = useNavigate()
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const teams = useTeamDirectory().data ?? []
  const periodLabel = usePeriodLabel()

  if (props.loading) return <Center py="xl"><Loader size="sm" aria-label={t('common.loading')} /></Center>

  const header = (column: string, label: string) => (
    <SortHeader column={column} label={label} sort={props.sort} onSort={props.onSort} sortByLabel={t('deals.sortBy', { column: label })} />
  )
  const confidencePeriod = props.period ?? props.deals?.find((deal) => deal.confidence_period)?.confidence_period
  const confidenceLabel = confidencePeriod ? t('confidence.list.columnFor', { period: periodLabel(confidencePeriod) }) : t('confidence.list.column')
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table striped highlightOnHover aria-label={t('deals.title')}>
        <Table.Thead>
          <Table.Tr>
            {header('name', t('deals.fields.name'))}
            <Table.Th>{t('deals.fields.customer')}</Table.Th>
            <Table.Th>{t('deals.fields.segment')}</Table.Th>
            <Table.Th>{t('deals.fields.team')}</Table.Th>
            {header('amount_minor', t('deals.fields.amount'))}
            {header('target_close_date', t('deals.fields.targetCloseDate'))}
            <Table.Th>{t('deals.fields.status')}</Table.Th>
            {header('confidence', confidenceLabel)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.deals?.map((deal) => (
            <Table.Tr key={deal.id} onClick={() => void navigate(props.hrefOf(deal), { state: props.linkState })} style={{ cursor: 'pointer' }}>
              <Table.Td>
                <Anchor component={Link} to={props.hrefOf(deal)} state={props.linkState} fw={500} onClick={(event) => event.stopPropagation()}>
                  {deal.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{deal.customer_name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`deals.segmentShort.${deal.segment}`)}</Table.Td>
              <Table.Td>
                {/* The team's own name fits the column; the path with its parents is on hover. */}
                <Text size="sm" title={teamPath(teams, deal.team_id, i18n.language)}>
                  {teamPath(teams.filter((team) => team.id === deal.team_id), deal.team_id, i18n.language) || '…'}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {format.money(deal.amount_minor, deal.currency)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {format.date(deal.target_close_date)}
                <PlanAfterTargetBadge deal={deal} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                <DealStatusBadge status={deal.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 130 }}>
                <ConfidenceCell confidence={deal.confidence} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** A deal's confidence in the list: a small bar and the percentage; a dash when none is kept for the period. */
function ConfidenceCell({ confidence }: { confidence: number | null | undefined }) {
  const { t } = useTranslation()
  const format = useFormat()
  if (confidence === null || confidence === undefined) {
    return <Text size="sm" c="dimmed" title={t('confidence.list.none')}>—</Text>
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={confidence * 100} w={56} size="sm" aria-hidden />
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>{format.percent(confidence)}</Text>
    </Group>
  )
}
