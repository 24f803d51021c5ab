import { Button, Group, Modal, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import type { DealMember } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { useCreateMilestone } from '../api/plan-mutations'
import type { Milestone } from '../api/types'
import { addDays } from '../gantt/calendar'
import type { MilestoneValues } from '../milestone-form'
import { MilestoneFields } from './milestone-fields'
import { useMilestoneForm } from './use-milestone-form'

/** The new milestone's starting values: a week-long step right after the plan's last one. */
export function newMilestoneValues(milestones: Milestone[], today: string): MilestoneValues {
  const lastDue = milestones.reduce<string | null>((latest, m) => (latest === null || m.planned_due > latest ? m.planned_due : latest), null)
  const start = lastDue ? addDays(lastDue, 1) : today
  return {
    name: '', name_zh: '', owner_role: 'pmo', assignee_id: '', weight: 0, gate: false,
    planned_start: start, planned_due: addDays(start, 4), exit_criteria: '', exit_criteria_zh: '', depends_on: [],
    status: 'planned', status_reason: '', completed_on: today,
  }
}

/** Adds a milestone at the end of the plan (`POST /deals/{id}/milestones`). */
export function AddMilestoneModal({ dealId, milestones, today, team = [], onClose }: { dealId: string; milestones: Milestone[]; today: string; team?: DealMember[]; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateMilestone(dealId)
  const form = useMilestoneForm(newMilestoneValues(milestones, today), today)
  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        name: values.name.trim(),
        name_zh: values.name_zh.trim(),
        owner_role: values.owner_role,
        assignee_id: values.assignee_id || null,
        weight: Number(values.weight),
        gate: values.gate,
        planned_start: values.planned_start,
        planned_due: values.planned_due,
        exit_criteria: values.exit_criteria.trim(),
        exit_criteria_zh: values.exit_criteria_zh.trim(),
        depends_on: values.depends_on,
      },
      { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
    ),
  )
  return (
    <Modal opened onClose={onClose} title={t('plan.add.title')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <MilestoneFields form={form} others={milestones} team={team} />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('plan.add.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
