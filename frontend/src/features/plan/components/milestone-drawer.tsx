import { Button, Drawer, Fieldset, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { useUnsavedChangesGuard } from '../../../components/unsaved-changes-guard'
import type { DealMember } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { useUpdateMilestone } from '../api/plan-mutations'
import { getMilestone } from '../api/plan-queries'
import type { Milestone, MilestoneChanges } from '../api/types'
import { changesFrom, mergeMine, splitDates, toValues, type MilestoneValues } from '../milestone-form'
import { ConflictPanel } from './conflict-panel'
import { GatePeople } from './gate-people'
import { MilestoneFields } from './milestone-fields'
import { useMilestoneForm } from './use-milestone-form'
import { StatusFields } from './status-fields'

/** Props of the milestone drawer. */
export interface MilestoneDrawerProps {
  dealId: string
  milestone: Milestone
  milestones: Milestone[]
  editable: boolean
  /** The deal team, offered first as assignees. */
  team?: DealMember[]
  /** May change what shapes the plan (owner role, weight, gate, dependencies): the PMO, not the solution role. */
  canShapePlan: boolean
  today: string
  onClose: () => void
  /** New dates go through the reschedule preview instead of a plain save. */
  onReschedule: (milestone: Milestone, start: string, due: string) => void
  onRemove: (milestone: Milestone) => void
}

/**
 * Views or edits one milestone. Saves with PATCH based on the version it opened with; a 412
 * loads their version and shows it beside what was typed (kept) with "Use mine" / "Take theirs".
 */
export function MilestoneDrawer(props: MilestoneDrawerProps) {
  const { t } = useTranslation()
  const update = useUpdateMilestone(props.dealId)
  const [base, setBase] = useState(props.milestone)
  const [conflict, setConflict] = useState<{ theirs: Milestone | null } | null>(null)
  const form = useMilestoneForm(toValues(props.milestone, props.today), props.today)
  const guard = useUnsavedChangesGuard(() => props.editable && form.isDirty(), props.onClose)

  const save = (against: Milestone, changes: MilestoneChanges, values: MilestoneValues) => {
    const { dates, rest } = splitDates(changes)
    const reschedule = (m: Milestone) => props.onReschedule(m, values.planned_start, values.planned_due)
    if (Object.keys(rest).length === 0) return dates ? reschedule(against) : props.onClose()
    update.mutate(
      { id: against.id, version: against.version, changes: rest },
      {
        onSuccess: (saved) => (dates ? reschedule(saved) : props.onClose()),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) return void loadTheirs()
          showFieldErrors(form, error)
        },
      },
    )
  }

  const loadTheirs = async () => {
    setConflict({ theirs: null })
    try {
      setConflict({ theirs: await getMilestone(base.id) })
    } catch {
      setConflict(null) // the 412 alert stays; "Reload" in it tries again
    }
  }

  const submit = form.onSubmit((values) => save(base, changesFrom(toValues(base, props.today), values), values))

  const keepMine = () => {
    const theirs = conflict?.theirs
    if (!theirs) return
    const merged = mergeMine(toValues(base, props.today), toValues(theirs, props.today), form.getValues())
    form.setValues(merged)
    setBase(theirs)
    setConflict(null)
    save(theirs, changesFrom(toValues(theirs, props.today), merged), merged)
  }

  const takeTheirs = () => {
    const theirs = conflict?.theirs
    if (!theirs) return
    form.setValues(toValues(theirs, props.today))
    form.resetDirty(toValues(theirs, props.today))
    setBase(theirs)
    setConflict(null)
    update.reset()
  }

  const others = props.milestones.filter((m) => m.id !== base.id)
  return (
    <>
      <Drawer opened onClose={guard.requestClose} position="right" size="lg" title={t('plan.drawer.title', { sequence: base.sequence })}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {!props.editable && <Text size="sm" c="dimmed">{t('plan.readOnly')}</Text>}
            <Fieldset variant="unstyled" disabled={!props.editable}>
              <Stack>
                <MilestoneFields form={form} others={others} team={props.team} shapeLocked={props.editable && !props.canShapePlan} />
                <StatusFields form={form} today={props.today} />
              </Stack>
            </Fieldset>
            {props.editable && <Text size="xs" c="dimmed">{t('plan.drawer.datesHint')}</Text>}
            {base.gate && <GatePeople dealId={props.dealId} milestoneId={base.id} />}
            {conflict ? (
              <ConflictPanel typed={form.values} theirs={conflict.theirs} today={props.today} milestones={props.milestones}
                pending={update.isPending} onUseMine={keepMine} onTakeTheirs={takeTheirs} />
            ) : (
              <ErrorAlert error={update.error} onReload={() => void loadTheirs()} />
            )}
            <Group justify="space-between">
              {props.editable ? (
                <Button variant="subtle" color="red" onClick={() => props.onRemove(base)}>{t('plan.drawer.remove')}</Button>
              ) : <span />}
              <Group>
                <Button variant="default" onClick={guard.requestClose}>{props.editable ? t('common.cancel') : t('common.close')}</Button>
                {props.editable && !conflict && <Button type="submit" loading={update.isPending}>{t('common.save')}</Button>}
              </Group>
            </Group>
          </Stack>
        </form>
      </Drawer>
      {guard.dialog}
    </>
  )
}
