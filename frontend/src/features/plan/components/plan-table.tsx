import { ActionIcon, Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { Milestone } from '../api/types'
import { statusColorName } from '../gantt/status-colors'
import { useMilestoneName } from '../milestone-name'
import type { PlanAccess } from '../plan-access'
import { GateRiskMark } from './gate-people'
import { shiftLabel } from './shift-label'

/** What a row's buttons ask the plan to do. */
export type RowAction = 'open' | 'up' | 'down' | 'remove'

/** The plan as a table, one row per milestone in plan order; editors get move and remove buttons. */
export function PlanTable({ milestones, access, onAction, userName = () => undefined }: {
  milestones: Milestone[]
  access: PlanAccess
  onAction: (action: RowAction, milestone: Milestone) => void
  /** A user's name by id, for the assignee column. */
  userName?: (userId: string) => string | undefined
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = useMilestoneName()
  const anyEditable = milestones.some((m) => access.canEdit(m))
  const names = new Map(milestones.map((m) => [m.id, `${m.sequence}. ${nameOf(m)}`]))
  const none = t('plan.fields.none')

  return (
    <Table.ScrollContainer minWidth={1240}>
      <Table striped highlightOnHover fz="sm" aria-label={t('plan.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.fields.sequence')}</Table.Th>
            <Table.Th>{t('plan.fields.milestone')}</Table.Th>
            <Table.Th>{t('plan.fields.ownerRole')}</Table.Th>
            <Table.Th>{t('planTrust.assignee.label')}</Table.Th>
            <Table.Th>{t('plan.fields.gate')}</Table.Th>
            <Table.Th ta="right">{t('plan.fields.weight')}</Table.Th>
            <Table.Th>{t('plan.fields.plannedStart')}</Table.Th>
            <Table.Th>{t('plan.fields.plannedDue')}</Table.Th>
            <Table.Th>{t('plan.fields.baselineDue')}</Table.Th>
            <Table.Th ta="right">{t('plan.fields.slip')}</Table.Th>
            <Table.Th>{t('plan.fields.status')}</Table.Th>
            <Table.Th>{t('plan.fields.dependsOn')}</Table.Th>
            {anyEditable && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((m, index) => {
            const name = nameOf(m)
            const slip = m.slip_days
            return (
              <Table.Tr key={m.id}>
                <Table.Td>{m.sequence}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component="button" type="button" size="sm" onClick={() => onAction('open', m)} aria-label={t('plan.actions.open', { name })}>{name}</Anchor>
                    {m.critical && <Badge size="xs" variant="outline" color="orange.8" tt="none">{t('planTrust.critical.legend')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`terms.dealRoles.${m.owner_role}`)}</Table.Td>
                <Table.Td>{m.assignee_id ? userName(m.assignee_id) ?? '…' : <Text span size="sm" c="dimmed">{t('planTrust.assignee.none')}</Text>}</Table.Td>
                <Table.Td>{m.gate ? <><span title={t('plan.fields.gate')}>◆</span><GateRiskMark dealId={m.deal_id} milestoneId={m.id} /></> : none}</Table.Td>
                <Table.Td ta="right">{m.weight}</Table.Td>
                <Table.Td>{format.date(m.planned_start)}</Table.Td>
                <Table.Td>{format.date(m.planned_due)}</Table.Td>
                <Table.Td>{m.baseline_due ? format.date(m.baseline_due) : none}</Table.Td>
                <Table.Td ta="right" fw={600} c={slip && slip > 0 ? 'red.7' : slip && slip < 0 ? 'teal.7' : undefined}>
                  {slip === null ? none : shiftLabel(t, slip)}
                </Table.Td>
                <Table.Td><Badge variant="light" color={statusColorName(m.status)}>{t(`plan.status.${m.status}`)}</Badge></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{m.depends_on.map((id) => names.get(id) ?? '?').join(', ') || none}</Text></Table.Td>
                {anyEditable && (
                  <Table.Td>
                    <RowButtons milestone={m} name={name} first={index === 0} last={index === milestones.length - 1} access={access} onAction={onAction} />
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function RowButtons({ milestone, name, first, last, access, onAction }: {
  milestone: Milestone
  name: string
  first: boolean
  last: boolean
  access: PlanAccess
  onAction: (action: RowAction, milestone: Milestone) => void
}) {
  const { t } = useTranslation()
  if (!access.canEdit(milestone)) return null
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <ActionIcon variant="subtle" aria-label={t('plan.actions.edit', { name })} onClick={() => onAction('open', milestone)}>✎</ActionIcon>
      {access.canEditPlan && (
        <>
          <ActionIcon variant="subtle" aria-label={t('plan.actions.moveUp', { name })} disabled={first} onClick={() => onAction('up', milestone)}>↑</ActionIcon>
          <ActionIcon variant="subtle" aria-label={t('plan.actions.moveDown', { name })} disabled={last} onClick={() => onAction('down', milestone)}>↓</ActionIcon>
        </>
      )}
      <ActionIcon variant="subtle" color="red" aria-label={t('plan.actions.remove', { name })} onClick={() => onAction('remove', milestone)}>✕</ActionIcon>
    </Group>
  )
}
