import { Anchor, Card, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../lib/format'
import type { BoardQuery, ConfidenceBoard } from '../api/board'
import { boardSearch } from '../use-board-params'
import { useTeamLabel } from './use-team-label'
import { useWholeMoney } from './whole-money'

/** The scope's child teams, each rolled up on its own; a team's name scopes the board to it. */
export function TeamTable({ board, query }: { board: ConfidenceBoard; query: BoardQuery }) {
  const { t } = useTranslation()
  const format = useFormat()
  const whole = useWholeMoney(board.currency)
  const teamLabel = useTeamLabel()
  const money = (minor: number | null) => (minor === null ? t('board.none') : whole(minor))
  const num = { style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } } as const
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-teams-title" h="100%">
      <Title order={2} size="h4" id="board-teams-title" mb="xs">{t('board.teams.title')}</Title>
      {board.teams.length === 0 ? (
        <Text size="sm" c="dimmed">{t('board.teams.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('board.teams.table')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('board.teams.name')}</Table.Th>
                <Table.Th>{t('board.target')}</Table.Th>
                <Table.Th>{t('board.won')}</Table.Th>
                <Table.Th>{t('board.expected')}</Table.Th>
                <Table.Th>{t('board.probability')}</Table.Th>
                <Table.Th>{t('board.teams.open')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.teams.map((team) => (
                <Table.Tr key={team.team_id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={{ search: boardSearch({ ...query, teamId: team.team_id }) }} title={t('board.teams.scopeTo', { team: teamLabel(team.team_id, team.name) })} fw={500}>
                      {teamLabel(team.team_id, team.name)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td {...num}>{money(team.target_minor)}</Table.Td>
                  <Table.Td {...num}>{money(team.won_minor)}</Table.Td>
                  <Table.Td {...num}>{money(team.expected_minor)}</Table.Td>
                  <Table.Td {...num} fw={700}>{team.probability_of_target === null ? t('board.none') : format.percent(team.probability_of_target)}</Table.Td>
                  <Table.Td {...num}>{team.open_deals}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}
