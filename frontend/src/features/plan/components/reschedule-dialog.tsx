import { Alert, Badge, Button, Center, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useApplyReschedule, useUpdateMilestone } from '../api/plan-mutations'
import { invalidatePlan, useReschedulePreview } from '../api/plan-queries'
import type { Milestone } from '../api/types'
import { useMilestoneName } from '../milestone-name'
import { shiftLabel } from './shift-label'

/** New dates asked for one milestone, by a drag or the drawer. */
export interface RescheduleRequest {
  milestone: Milestone
  start: string
  due: string
}

/**
 * Previews what new dates for a milestone move (POST …/reschedule/preview) and lets the user
 * apply all the moves at once (POST …/reschedule with the milestone's version), move only this
 * milestone (PATCH its dates), or cancel, which leaves the plan as it was.
 */
export function RescheduleDialog({ dealId, request, milestones, onClose }: {
  dealId: string
  request: RescheduleRequest
  milestones: Milestone[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = useMilestoneName()
  const queryClient = useQueryClient()
  const { milestone, start, due } = request
  const preview = useReschedulePreview(milestone.id, { planned_start: start, planned_due: due })
  const apply = useApplyReschedule(dealId)
  const onlyThis = useUpdateMilestone(dealId)
  const moves = preview.data ?? []
  // Moves the caller may not make (another role's milestones): the server refuses the whole cascade.
  const blocked = moves.filter((move) => !move.allowed)
  const span = (from: string, to: string) => `${format.date(from)} – ${format.date(to)}`
  const nameById = (id: string, fallback: string) => {
    const found = milestones.find((m) => m.id === id)
    return found ? nameOf(found) : fallback
  }
  const reload = () => {
    void invalidatePlan(queryClient, dealId)
    onClose()
  }

  return (
    <Modal opened onClose={onClose} size="xl" centered title={t('plan.reschedule.title', { name: nameOf(milestone) })}>
      <Stack>
        {preview.isPending && (
          <Center py="md"><Loader size="sm" /><Text size="sm" ml="xs">{t('plan.reschedule.loading')}</Text></Center>
        )}
        <ErrorAlert error={preview.error} />
        {moves.length > 0 && (
          <>
            <Text size="sm">{t('plan.reschedule.intro', { count: moves.length })}</Text>
            <Table striped fz="sm" aria-label={t('plan.reschedule.title', { name: nameOf(milestone) })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.fields.milestone')}</Table.Th>
                  <Table.Th>{t('plan.reschedule.from')}</Table.Th>
                  <Table.Th>{t('plan.reschedule.to')}</Table.Th>
                  <Table.Th ta="right">{t('plan.reschedule.shift')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {moves.map((move) => (
                  <Table.Tr key={move.milestone_id}>
                    <Table.Td>
                      {nameById(move.milestone_id, move.name)}
                      {!move.allowed && <Badge ml="xs" size="sm" color="orange" variant="light">{t('plan.reschedule.notYours')}</Badge>}
                    </Table.Td>
                    <Table.Td>{span(move.from_start, move.from_due)}</Table.Td>
                    <Table.Td>→ {span(move.to_start, move.to_due)}</Table.Td>
                    <Table.Td ta="right" c={move.shift_days > 0 ? 'red.7' : undefined} fw={600}>{shiftLabel(t, move.shift_days)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {blocked.length > 0 && <Alert color="orange">{t('plan.reschedule.blocked', { count: blocked.length })}</Alert>}
          </>
        )}
        <ErrorAlert error={apply.error ?? onlyThis.error} onReload={reload} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          {moves.length > 1 && (
            <Button variant="light" loading={onlyThis.isPending} disabled={apply.isPending}
              onClick={() => onlyThis.mutate({ id: milestone.id, version: milestone.version, changes: { planned_start: start, planned_due: due } }, { onSuccess: onClose })}>
              {t('plan.reschedule.onlyThis')}
            </Button>
          )}
          <Button loading={apply.isPending} disabled={moves.length === 0 || blocked.length > 0 || onlyThis.isPending}
            onClick={() => apply.mutate({ id: milestone.id, version: milestone.version, start, due }, { onSuccess: onClose })}>
            {t('plan.reschedule.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
