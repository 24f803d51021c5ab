import { Anchor, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { Stakeholder } from '../api/types'
import type { PersonActions, PersonFacts } from '../person-facts'
import { nextStepOverdue } from '../power-map'
import { PersonMarks } from './person-marks'
import { StanceMenu } from './stance-menu'

/** Everyone on the deal as a table; the name opens the drawer, the stance badge changes the stance. */
export function StakeholderTable({ people, facts, actions }: { people: Stakeholder[]; facts: PersonFacts; actions: PersonActions }) {
  const { t } = useTranslation()
  const format = useFormat()
  const none = t('stakeholders.fields.none')
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover fz="sm" aria-label={t('stakeholders.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stakeholders.fields.name')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.title')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.decisionRole')}</Table.Th>
            <Table.Th ta="right">{t('stakeholders.fields.influence')}</Table.Th>
            <Table.Th miw={120}>{t('stakeholders.fields.stance')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.owner')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.lastContact')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.nextStep')}</Table.Th>
            <Table.Th>{t('stakeholders.fields.milestones')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => {
            const overdue = nextStepOverdue(person, facts.today)
            return (
              <Table.Tr key={person.id} data-stakeholder-id={person.id}>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => actions.onOpen(person.id)}
                      aria-label={t('stakeholders.actions.open', { name: person.name })}>{person.name}</Anchor>
                    <PersonMarks person={person} risks={facts.risksOf(person.id)} today={facts.today} />
                  </Stack>
                </Table.Td>
                <Table.Td>{person.title || none}</Table.Td>
                <Table.Td>{t(`terms.decisionRoles.${person.decision_role}`)}</Table.Td>
                <Table.Td ta="right">{person.influence}</Table.Td>
                <Table.Td>
                  <StanceMenu name={person.name} stance={person.stance} canEdit={actions.canEdit} onPick={(stance) => actions.onStance(person.id, stance)} />
                </Table.Td>
                <Table.Td>{facts.userName(person.owner_id) ?? none}</Table.Td>
                <Table.Td>{person.last_contact_on ? format.date(person.last_contact_on) : t('common.never')}</Table.Td>
                <Table.Td>
                  {person.next_step ? (
                    <>
                      <Text size="sm" lineClamp={2}>{person.next_step}</Text>
                      {person.next_step_due && (
                        <Text size="xs" c={overdue ? 'red.7' : 'dimmed'} fw={overdue ? 700 : undefined}>
                          {format.date(person.next_step_due)}{overdue && ` · ${t('stakeholders.fields.overdue')}`}
                        </Text>
                      )}
                    </>
                  ) : none}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>{person.milestone_ids.map(facts.milestoneLabel).join(', ') || none}</Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
