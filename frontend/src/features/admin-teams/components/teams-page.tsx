import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { usePermission } from '../../../lib/session'
import { useTeams, type Team } from '../api/teams'
import { buildTeamTree } from '../team-tree'
import { DeleteTeamDialog } from './delete-team-dialog'
import { TeamFormModal } from './team-form-modal'
import { TeamMembersModal } from './team-members-modal'
import { TeamTree, type TeamAction } from './team-tree'

/** Which dialog is open: creating (under `parent`, or at the top) or acting on one team. */
type TeamDialog = { kind: 'create'; parent: Team | null } | { kind: Exclude<TeamAction, 'addSub'>; team: Team } | null

/** `/admin/teams`: the team hierarchy with create, rename, move, members and delete. */
export function TeamsPage() {
  const { t, i18n } = useTranslation()
  const teams = useTeams()
  const canWrite = usePermission('teams:write')
  const [dialog, setDialog] = useState<TeamDialog>(null)
  const close = () => setDialog(null)

  // Dialogs look the team up by id, so after a reload they act on its current version.
  const current = (team: Team) => teams.data?.find((t) => t.id === team.id) ?? team
  const onAction = (action: TeamAction, team: Team) =>
    setDialog(action === 'addSub' ? { kind: 'create', parent: team } : { kind: action, team })

  return (
    <Stack>
      {canWrite && (
        <Group justify="flex-end">
          <Button onClick={() => setDialog({ kind: 'create', parent: null })}>{t('teams.new')}</Button>
        </Group>
      )}
      <ErrorAlert error={teams.error} />
      {teams.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {teams.data?.length === 0 && <Text c="dimmed">{t('teams.empty')}</Text>}
      {teams.data && teams.data.length > 0 && (
        <TeamTree nodes={buildTeamTree(teams.data, i18n.language)} onAction={canWrite ? onAction : undefined} />
      )}

      {dialog?.kind === 'create' && <TeamFormModal mode="create" parent={dialog.parent} teams={teams.data ?? []} onClose={close} />}
      {(dialog?.kind === 'rename' || dialog?.kind === 'move') && (
        <TeamFormModal mode={dialog.kind} team={current(dialog.team)} teams={teams.data ?? []} onClose={close} />
      )}
      {dialog?.kind === 'members' && <TeamMembersModal team={current(dialog.team)} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteTeamDialog team={current(dialog.team)} onClose={close} />}
    </Stack>
  )
}
