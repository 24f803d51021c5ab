import { Button, Center, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { ErrorAlert } from '../../components/error-alert'
import { useSignedIn } from '../../lib/session'
import { useDeleteRetrospective, useSetActionStatus } from './api/review-mutations'
import { useRetrospectives } from './api/review-queries'
import type { ActionItem, Retrospective } from './api/types'
import { GateDecisionsSection } from './components/gate-decisions-section'
import { OverdueStrip } from './components/overdue-strip'
import { RetrospectiveCard } from './components/retrospective-card'
import { RetrospectiveFormModal } from './components/retrospective-form-modal'
import { useReviewNames } from './components/use-review-names'
import { todayIso } from './dates'

/** Which dialog is open: holding a new retrospective, or editing the one with this id. */
type Editing = { mode: 'hold' } | { mode: 'edit'; id: string }

/**
 * The Retrospectives tab of a deal workspace: overdue actions, the retrospectives newest first
 * with their action items, and the gate decisions. The deal's `permissions` decide who may hold
 * (`deal.retrospectives:create`), edit and delete (`…:write`) and record decisions (`deal.gates:write`);
 * an action's owner may always mark it done.
 */
export function RetrospectivesTab({ dealId, permissions }: { dealId: string; permissions: string[] }) {
  const { t } = useTranslation()
  const me = useSignedIn().user.id
  const today = useMemo(() => todayIso(), [])
  const canWrite = permissions.includes('deal.retrospectives:write')
  const canHold = canWrite || permissions.includes('deal.retrospectives:create')
  const canDecide = permissions.includes('deal.gates:write')
  const names = useReviewNames(dealId)
  const list = useRetrospectives(dealId)
  const toggle = useSetActionStatus()
  const remove = useDeleteRetrospective(dealId)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [removing, setRemoving] = useState<Retrospective | null>(null)

  const retrospectives = [...(list.data ?? [])].sort((a, b) => b.held_on.localeCompare(a.held_on))
  const edited = editing?.mode === 'edit' ? retrospectives.find((r) => r.id === editing.id) : undefined
  const canToggle = (action: ActionItem) => canWrite || action.owner_id === me
  const onToggle = (action: ActionItem) => toggle.mutate({ action, status: action.status === 'done' ? 'open' : 'done' })
  const reload = () => void list.refetch()

  return (
    <Stack gap="lg">
      <OverdueStrip dealId={dealId} names={names} />
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">{t('retrospectives.title')}</Title>
          <Text size="sm" c="dimmed">{canHold ? t('retrospectives.description') : t('retrospectives.readOnly')}</Text>
        </Stack>
        {canHold && <Button onClick={() => setEditing({ mode: 'hold' })}>{t('retrospectives.hold')}</Button>}
      </Group>
      <ErrorAlert error={names.error} />
      <ErrorAlert error={toggle.error} onReload={() => { toggle.reset(); reload() }} />
      {list.isPending && <Center py="md"><Loader size="sm" aria-label={t('common.loading')} /></Center>}
      <ErrorAlert error={list.error} />
      {list.isSuccess && retrospectives.length === 0 && <Text c="dimmed">{t('retrospectives.empty')}</Text>}
      {retrospectives.map((retrospective) => (
        <RetrospectiveCard
          key={retrospective.id}
          retrospective={retrospective}
          names={names}
          canToggle={canToggle}
          onToggle={onToggle}
          pendingActionId={toggle.isPending ? toggle.variables.action.id : undefined}
          onEdit={canWrite ? () => setEditing({ mode: 'edit', id: retrospective.id }) : undefined}
          onDelete={canWrite ? () => setRemoving(retrospective) : undefined}
        />
      ))}
      <Divider />
      <GateDecisionsSection dealId={dealId} names={names} canDecide={canDecide} today={today} />

      {editing && (editing.mode === 'hold' || edited) && (
        <RetrospectiveFormModal dealId={dealId} retrospective={edited} names={names} today={today} onClose={() => setEditing(null)} onReload={reload} />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('retrospectives.remove.title')}
        message={t('retrospectives.remove.message', { count: removing?.actions.length ?? 0 })}
        confirmLabel={t('retrospectives.remove.confirm')}
        pending={remove.isPending}
        error={remove.error}
        onReload={() => { reload(); setRemoving(null); remove.reset() }}
        onConfirm={() => removing && remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        onClose={() => { setRemoving(null); remove.reset() }}
      />
    </Stack>
  )
}
