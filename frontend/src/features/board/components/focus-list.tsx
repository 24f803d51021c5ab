import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useFormat } from '../../../lib/format'
import type { BoardFocus, BoardGate, BoardStakeholder } from '../api/board'
import { useGateName } from './gate-name'

const STANCE_COLORS: Record<BoardStakeholder['stance'], string> = {
  champion: 'teal',
  supporter: 'green',
  neutral: 'gray',
  skeptic: 'orange',
  blocker: 'red',
}

/** A gate's due date and its slip against the baseline, as one phrase. */
export function useGateText() {
  const { t } = useTranslation()
  const format = useFormat()
  const gateName = useGateName()
  return {
    name: gateName,
    due: (gate: BoardGate) => t('board.focus.nextGate', { gate: gateName(gate), date: format.date(gate.due) }),
    slip: (gate: BoardGate) => (gate.slip_days !== null && gate.slip_days > 0 ? t('board.focus.slip', { days: gate.slip_days }) : t('board.focus.onTime')),
  }
}

function Person({ person }: { person: BoardStakeholder }) {
  const { t } = useTranslation()
  const format = useFormat()
  const step = person.next_step
    ? person.next_step_due
      ? t('board.focus.nextStepDue', { step: person.next_step, date: format.date(person.next_step_due) })
      : t('board.focus.nextStep', { step: person.next_step })
    : t('board.focus.noNextStep')
  return (
    <List.Item>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>{person.name}</Text>
        {person.title && <Text size="sm" c="dimmed">{person.title}</Text>}
        <Badge size="xs" variant="outline">{t(`terms.decisionRoles.${person.decision_role}`)}</Badge>
        <Badge size="xs" color={STANCE_COLORS[person.stance]}>{t(`terms.stances.${person.stance}`)}</Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {person.owner_name ? t('board.focus.owner', { name: person.owner_name }) : t('board.focus.noOwner')} · {step}
      </Text>
    </List.Item>
  )
}

/** The deals whose outcome swings the probability of target most, with their next gate and its people. */
export function FocusList({ focus }: { focus: readonly BoardFocus[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const gate = useGateText()
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="board-focus-title" h="100%">
      <Title order={2} size="h4" id="board-focus-title" mb="xs">{t('board.focus.title')}</Title>
      {focus.length === 0 ? (
        <Text size="sm" c="dimmed">{t('board.focus.empty')}</Text>
      ) : (
        <Stack gap="md" component="ol" aria-label={t('board.focus.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {focus.map((deal) => (
            <li key={deal.deal_id} aria-label={deal.name}>
              <Group justify="space-between" align="baseline" gap="xs">
                <Anchor component={Link} to={`/deals/${encodeURIComponent(deal.deal_id)}`} fw={600}>{deal.name}</Anchor>
                <Text size="sm" fw={700} c="blue.8" title={t('board.focus.swingHint', { won: format.percent(deal.if_won), lost: format.percent(deal.if_lost) })}>
                  {t('board.focus.swing', { points: format.points(deal.swing) })}
                </Text>
              </Group>
              {deal.next_gate ? (
                <>
                  <Text size="sm">
                    {gate.due(deal.next_gate)} · <Text span c={deal.next_gate.slip_days ? 'red.8' : 'dimmed'}>{gate.slip(deal.next_gate)}</Text>
                  </Text>
                  {deal.stakeholders.length === 0 ? (
                    <Text size="xs" c="dimmed">{t('board.focus.noPeople')}</Text>
                  ) : (
                    <List size="sm" spacing={4} mt={4} listStyleType="none" aria-label={t('board.focus.people', { gate: gate.name(deal.next_gate) })}>
                      {deal.stakeholders.map((person) => <Person key={person.stakeholder_id} person={person} />)}
                    </List>
                  )}
                </>
              ) : (
                <Text size="sm" c="dimmed">{t('board.focus.noGate')}</Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  )
}
