import { Anchor, Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { BoardDeal } from '../api/board'
import { gatesByWeek, weeksFrom } from '../board-math'
import { useGateName } from './gate-name'

const SHADES = ['transparent', 'var(--mantine-color-orange-2)', 'var(--mantine-color-orange-4)', 'var(--mantine-color-orange-6)']

/** The deals of the page against the 13 weeks from this Monday; each cell counts the gates due that week. */
export function GateHeatmap({ deals, asOf }: { deals: readonly BoardDeal[]; asOf: string }) {
  const { t, i18n } = useTranslation()
  const gateName = useGateName()
  const weeks = weeksFrom(asOf)
  const short = new Intl.DateTimeFormat(i18n.language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' })
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
  if (deals.length === 0) return null
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-heatmap-title" mb="md">
      <Title order={2} size="h4" id="board-heatmap-title">{t('board.heatmap.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">{t('board.heatmap.hint')}</Text>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('board.heatmap.table')} withColumnBorders verticalSpacing={2} horizontalSpacing={4} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('board.heatmap.deal')}</Table.Th>
              {weeks.map((week) => (
                <Table.Th key={week} ta="center" title={t('board.heatmap.week', { date: long.format(day(week)) })}>
                  {short.format(day(week))}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deals.map((deal) => (
              <Table.Tr key={deal.deal_id}>
                <Table.Th scope="row" maw={220} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/deals/${encodeURIComponent(deal.deal_id)}`} size="xs">{deal.name}</Anchor>
                </Table.Th>
                {gatesByWeek(deal.gates_due, weeks).map((gates, index) => {
                  const names = gates.map(gateName).join(', ')
                  const label = gates.length ? t('board.heatmap.cell', { count: gates.length, names }) : undefined
                  return (
                    <Table.Td key={weeks[index]} ta="center" title={label} aria-label={label}
                      style={{ background: SHADES[Math.min(gates.length, SHADES.length - 1)], fontVariantNumeric: 'tabular-nums' }}>
                      {gates.length || ''}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  )
}
