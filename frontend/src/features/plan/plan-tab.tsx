import { Center, Loader, Stack, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { DealMember } from '../../lib/deals'
import { useUserDirectory } from '../../lib/directory'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { ErrorAlert } from '../../components/error-alert'
import { planExportUrl, useDeleteMilestone, useReorderMilestones } from './api/plan-mutations'
import { useBaselines, useMilestones, usePlanChecks } from './api/plan-queries'
import type { Milestone } from './api/types'
import { comparedBaseline, committedBaseline } from './baseline-compare'
import { AddMilestoneModal } from './components/add-milestone-modal'
import { BaselinesPanel } from './components/baselines-panel'
import { ImportPlanModal } from './components/import-plan-modal'
import { MilestoneDrawer } from './components/milestone-drawer'
import { PlanChecksAlert } from './components/plan-checks-alert'
import { PlanTable, type RowAction } from './components/plan-table'
import { PlanToolbar } from './components/plan-toolbar'
import { RescheduleDialog, type RescheduleRequest } from './components/reschedule-dialog'
import { addDays, daysBetween, todayIso } from './gantt/calendar'
import { GanttChart } from './gantt/gantt-chart'
import { GanttLegend } from './gantt/gantt-legend'
import { useMilestoneName } from './milestone-name'
import { planAccess } from './plan-access'
import { ganttItems, legalBreaksByMilestone, moveId } from './plan-items'
import { usePlanView } from './use-plan-view'

/**
 * The Plan tab of a deal workspace: the milestone plan as a Gantt chart or a table, with
 * editing, rescheduling, baselines and import/export for those the deal's permissions allow.
 */
export function PlanTab({ dealId, permissions, targetClose = null, team = [] }: {
  dealId: string
  permissions: string[]
  /** The deal's target close date, drawn as a line on the Gantt chart. */
  targetClose?: string | null
  /** The deal team, offered first when assigning a milestone. */
  team?: DealMember[]
}) {
  const { t, i18n } = useTranslation()
  const nameOf = useMilestoneName()
  const [viewState, setViewState] = usePlanView()
  const today = useMemo(() => todayIso(), [])
  const access = useMemo(() => planAccess(permissions), [permissions])
  const plan = useMilestones(dealId)
  const baselines = useBaselines(dealId)
  const checks = usePlanChecks(dealId).data ?? []
  const reorder = useReorderMilestones(dealId)
  const remove = useDeleteMilestone(dealId)
  const [openId, setOpenId] = useState<string | null>(null)
  const [reschedule, setReschedule] = useState<RescheduleRequest | null>(null)
  const [removing, setRemoving] = useState<Milestone | null>(null)
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null)
  const users = useUserDirectory().data
  const userName = (id: string) => users?.find((user) => user.id === id)?.name
  const [params, setParams] = useSearchParams()
  // `?fit=<milestone>` (the deal header's "move the plan"): the reschedule preview of that gate onto the target close.
  const fitGate = plan.data?.find((m) => m.id === params.get('fit'))
  const pendingReschedule = reschedule ?? (fitGate && targetClose ? fitToTarget(fitGate, targetClose) : null)
  const closeReschedule = () => {
    setReschedule(null)
    if (params.has('fit')) setParams((current) => { const next = new URLSearchParams(current); next.delete('fit'); return next }, { replace: true })
  }

  if (plan.isPending) return <Center py="xl"><Loader size="sm" /></Center>
  if (plan.isError) return <ErrorAlert error={plan.error} />
  const milestones = plan.data
  const byId = (id: string) => milestones.find((m) => m.id === id)
  const open = openId ? byId(openId) : undefined
  const compared = comparedBaseline(baselines.data ?? [], viewState.baseline)
  const items = ganttItems({
    milestones,
    compared,
    comparingCommitted: compared === null || compared.id === committedBaseline(baselines.data ?? [])?.id,
    pending: pendingReschedule && { id: pendingReschedule.milestone.id, start: pendingReschedule.start, due: pendingReschedule.due },
    canMove: access.canEdit,
    nameOf,
    legalBreaks: legalBreaksByMilestone(checks),
    assigneeName: userName,
  })

  const onRow = (action: RowAction, milestone: Milestone) => {
    const index = milestones.indexOf(milestone)
    if (action === 'open') setOpenId(milestone.id)
    else if (action === 'remove') setRemoving(milestone)
    else reorder.mutate(moveId(milestones.map((m) => m.id), index, action === 'up' ? -1 : 1))
  }
  const onMove = (id: string, start: string, due: string) => {
    const milestone = byId(id)
    if (milestone) setReschedule({ milestone, start, due })
  }
  const anyEditable = milestones.some(access.canEdit)

  return (
    <Stack gap="md">
      <PlanToolbar view={viewState.view} zoom={viewState.zoom} onView={(view) => setViewState({ view })} onZoom={(zoom) => setViewState({ zoom })}
        exportUrl={planExportUrl(dealId, i18n.language)} canEditPlan={access.canEditPlan} onAdd={() => setDialog('add')} onImport={() => setDialog('import')} />
      {!access.canEditPlan && <Text size="sm" c="dimmed">{anyEditable ? t('plan.solutionOnly') : t('plan.readOnly')}</Text>}
      <PlanChecksAlert checks={checks} milestones={milestones} nameOf={nameOf} />
      <ErrorAlert error={reorder.error} onReload={() => void plan.refetch()} />
      {milestones.length === 0 && <Text c="dimmed">{t('plan.empty')}</Text>}
      {milestones.length > 0 && viewState.view === 'gantt' && (
        <Stack gap={4}>
          {anyEditable && <Text size="xs" c="dimmed">{t('plan.gantt.dragHint')}</Text>}
          <GanttChart items={items} zoom={viewState.zoom} today={today} targetClose={targetClose} onOpen={setOpenId} onMove={onMove} />
          <GanttLegend />
        </Stack>
      )}
      {milestones.length > 0 && viewState.view === 'table' && <PlanTable milestones={milestones} access={access} onAction={onRow} userName={userName} />}
      <BaselinesPanel dealId={dealId} milestones={milestones} canTake={access.canTakeBaseline} compareId={viewState.baseline}
        onCompare={(baseline) => setViewState({ baseline })} />

      {open && (
        <MilestoneDrawer key={open.id} dealId={dealId} milestone={open} milestones={milestones} editable={access.canEdit(open)} team={team}
          canShapePlan={access.canEditPlan} today={today}
          onClose={() => setOpenId(null)}
          onReschedule={(milestone, start, due) => { setOpenId(null); setReschedule({ milestone, start, due }) }}
          onRemove={(milestone) => { setOpenId(null); setRemoving(milestone) }} />
      )}
      {pendingReschedule && <RescheduleDialog dealId={dealId} request={pendingReschedule} milestones={milestones} onClose={closeReschedule} />}
      {dialog === 'add' && <AddMilestoneModal dealId={dealId} milestones={milestones} today={today} team={team} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportPlanModal dealId={dealId} onClose={() => setDialog(null)} />}
      <ConfirmDialog
        opened={removing !== null}
        title={removing ? t('plan.remove.title', { name: nameOf(removing) }) : ''}
        message={t('plan.remove.message')}
        confirmLabel={t('plan.remove.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onReload={() => { void plan.refetch(); setRemoving(null); remove.reset() }}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => { setRemoving(null); remove.reset() }}
      />
    </Stack>
  )
}

/** Dates that put `gate`'s due date on the target close, keeping its length: the reschedule to preview. */
export function fitToTarget(gate: Milestone, targetClose: string): RescheduleRequest {
  const shift = daysBetween(gate.planned_due, targetClose)
  return { milestone: gate, start: addDays(gate.planned_start, shift), due: targetClose }
}
