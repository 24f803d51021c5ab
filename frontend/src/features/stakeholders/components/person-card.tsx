import { Group, Paper, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Stakeholder } from '../api/types'
import type { PersonActions, PersonFacts } from '../person-facts'
import { cssColor, ROLE_COLORS } from '../stakeholder-colors'
import { PersonMarks } from './person-marks'
import { StanceMenu } from './stance-menu'

/** One person on the power map, coloured by decision role; the name opens the person drawer. */
export function PersonCard({ person, facts, actions }: { person: Stakeholder; facts: PersonFacts; actions: PersonActions }) {
  const { t } = useTranslation()
  const color = ROLE_COLORS[person.decision_role]
  return (
    <Paper
      withBorder
      radius="sm"
      p={6}
      data-stakeholder-id={person.id}
      title={t(`terms.decisionRoles.${person.decision_role}`)}
      style={{ borderLeft: `4px solid ${cssColor(color, 6)}`, background: cssColor(color, 0) }}
    >
      {/* The button shows only the name, so its name ("Open …") holds all of its visible text (WCAG 2.5.3). */}
      <UnstyledButton onClick={() => actions.onOpen(person.id)} aria-label={t('stakeholders.actions.open', { name: person.name })} w="100%">
        <Text size="sm" fw={600} lh={1.3} lineClamp={2}>{person.name}</Text>
      </UnstyledButton>
      <Text size="xs" c="dimmed" lh={1.3} lineClamp={2}>{person.title || t(`terms.decisionRoles.${person.decision_role}`)}</Text>
      <Group gap={4} mt={4}>
        {actions.canEdit && (
          <StanceMenu name={person.name} stance={person.stance} canEdit size="xs" onPick={(stance) => actions.onStance(person.id, stance)} />
        )}
        <PersonMarks person={person} risks={facts.risksOf(person.id)} today={facts.today} />
      </Group>
    </Paper>
  )
}
