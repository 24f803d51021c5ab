import { Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DECISION_ROLES, LEVELS, STANCES, type Stakeholder } from '../api/types'
import type { PersonActions, PersonFacts } from '../person-facts'
import { cellKey, powerMapCells } from '../power-map'
import { cssColor, ROLE_COLORS, STANCE_COLORS } from '../stakeholder-colors'
import { PersonCard } from './person-card'

/** Influence (rows, 5 at the top) by stance (columns, champion on the left), one card per person. */
export function PowerMap({ people, facts, actions }: { people: Stakeholder[]; facts: PersonFacts; actions: PersonActions }) {
  const { t } = useTranslation()
  const cells = powerMapCells(people)
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={820}>
        <Table withTableBorder withColumnBorders layout="fixed" aria-label={t('stakeholders.view.map')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}><Text size="xs" c="dimmed">{t('stakeholders.map.corner')}</Text></Table.Th>
              {STANCES.map((stance) => (
                <Table.Th key={stance} style={{ borderTop: `4px solid ${cssColor(STANCE_COLORS[stance], 6)}` }}>
                  {t(`terms.stances.${stance}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {LEVELS.map((influence) => (
              <Table.Tr key={influence}>
                <Table.Th scope="row" fw={500} fz="sm">{t(`stakeholders.levels.${influence}`)}</Table.Th>
                {STANCES.map((stance) => (
                  <Table.Td
                    key={stance}
                    data-cell={cellKey(influence, stance)}
                    aria-label={t('stakeholders.map.cell', { influence, stance: t(`terms.stances.${stance}`) })}
                    valign="top"
                    style={{ background: influence >= 4 ? 'var(--mantine-color-gray-0)' : undefined, height: 72 }}
                  >
                    <Stack gap={6}>
                      {cells.get(cellKey(influence, stance))?.map((person) => (
                        <PersonCard key={person.id} person={person} facts={facts} actions={actions} />
                      ))}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RoleLegend />
    </Stack>
  )
}

/** What the cards' colours mean. */
function RoleLegend() {
  const { t } = useTranslation()
  return (
    <Group gap="md" role="list" aria-label={t('stakeholders.map.legend')}>
      <Text size="xs" fw={600}>{t('stakeholders.map.legend')}</Text>
      {DECISION_ROLES.map((role) => (
        <Group key={role} gap={6} role="listitem">
          <span aria-hidden="true" style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3,
            background: cssColor(ROLE_COLORS[role], 0), borderLeft: `4px solid ${cssColor(ROLE_COLORS[role], 6)}`, outline: '1px solid var(--mantine-color-gray-3)' }} />
          <Text size="xs">{t(`terms.decisionRoles.${role}`)}</Text>
        </Group>
      ))}
    </Group>
  )
}
