import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useUserDirectory } from '../../../lib/directory'
import { useFormat } from '../../../lib/format'
import type { Milestone } from '../api/types'
import { MILESTONE_FIELDS, sameValue, toValues, type MilestoneField, type MilestoneValues } from '../milestone-form'
import { useMilestoneName } from '../milestone-name'

const FIELD_LABELS: Record<MilestoneField, string> = {
  name: 'plan.fields.name',
  name_zh: 'plan.fields.nameZh',
  owner_role: 'plan.fields.ownerRole',
  assignee_id: 'planTrust.assignee.label',
  weight: 'plan.fields.weight',
  gate: 'plan.fields.gate',
  planned_start: 'plan.fields.plannedStart',
  planned_due: 'plan.fields.plannedDue',
  exit_criteria: 'plan.fields.exitCriteria',
  exit_criteria_zh: 'plan.fields.exitCriteriaZh',
  depends_on: 'plan.fields.dependsOn',
  status: 'plan.fields.status',
  status_reason: 'plan.fields.statusReason',
  completed_on: 'plan.fields.completedOn',
}

/**
 * A save refused with 412: someone else saved the milestone first. Shows their current values
 * next to what the user typed (which the form keeps) and lets the user choose.
 */
export function ConflictPanel(props: {
  typed: MilestoneValues
  theirs: Milestone | null
  today: string
  milestones: Milestone[]
  pending: boolean
  onUseMine: () => void
  onTakeTheirs: () => void
}) {
  const { t } = useTranslation()
  const show = useShowValue(props.milestones)
  if (!props.theirs) {
    return (
      <Alert color="orange" role="alert" title={t('plan.conflict.title')}>
        <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('plan.conflict.loading')}</Text></Group>
      </Alert>
    )
  }
  const theirs = toValues(props.theirs, props.today)
  const differing = MILESTONE_FIELDS.filter((field) => relevant(field, props.typed, theirs) && !sameValue(props.typed[field], theirs[field]))
  return (
    <Alert color="orange" role="alert" title={t('plan.conflict.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('plan.conflict.message')}</Text>
        {differing.length === 0 ? (
          <Text size="sm">{t('plan.conflict.same')}</Text>
        ) : (
          <Table withTableBorder fz="sm" aria-label={t('plan.conflict.title')}>
            <Table.Thead>
              <Table.Tr><Table.Th>{t('plan.conflict.field')}</Table.Th><Table.Th>{t('plan.conflict.yours')}</Table.Th><Table.Th>{t('plan.conflict.theirs')}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differing.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td>{t(FIELD_LABELS[field] as 'plan.fields.name')}</Table.Td>
                  <Table.Td>{show(field, props.typed)}</Table.Td>
                  <Table.Td>{show(field, theirs)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onTakeTheirs} disabled={props.pending}>{t('plan.conflict.takeTheirs')}</Button>
          <Button onClick={props.onUseMine} loading={props.pending}>{t('plan.conflict.useMine')}</Button>
        </Group>
      </Stack>
    </Alert>
  )
}

// A status detail only matters while either side has that status.
function relevant(field: MilestoneField, a: MilestoneValues, b: MilestoneValues): boolean {
  if (field === 'status_reason') return a.status === 'blocked' || b.status === 'blocked'
  if (field === 'completed_on') return a.status === 'done' || b.status === 'done'
  return true
}

function useShowValue(milestones: Milestone[]) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = useMilestoneName()
  const users = useUserDirectory().data
  return (field: MilestoneField, values: MilestoneValues): string => {
    const none = t('plan.fields.none')
    switch (field) {
      case 'owner_role': return t(`terms.dealRoles.${values.owner_role}`)
      case 'assignee_id': return (values.assignee_id && users?.find((user) => user.id === values.assignee_id)?.name) || t('planTrust.assignee.none')
      case 'status': return t(`plan.status.${values.status}`)
      case 'gate': return values.gate ? t('plan.fields.yes') : t('plan.fields.no')
      case 'planned_start': case 'planned_due': case 'completed_on': return values[field] ? format.date(values[field]) : none
      case 'depends_on': {
        const names = values.depends_on.map((id) => milestones.find((m) => m.id === id)).map((m) => (m ? `${m.sequence}. ${nameOf(m)}` : '?'))
        return names.join(', ') || none
      }
      default: return String(values[field]).trim() || none
    }
  }
}
