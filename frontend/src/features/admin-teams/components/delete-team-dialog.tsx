import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { useDeleteTeam, useReloadTeams } from '../api/team-mutations'
import type { Team } from '../api/teams'

/** Confirms deleting a team; a 409 (sub-teams or deals left) shows the server's reason. */
export function DeleteTeamDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteTeam()
  const reload = useReloadTeams()
  return (
    <ConfirmDialog
      opened
      title={t('teams.deleteTitle', { name: team.name })}
      message={t('teams.deleteMessage')}
      confirmLabel={t('teams.delete')}
      pending={remove.isPending}
      error={remove.error}
      onReload={reload}
      onClose={onClose}
      onConfirm={() => remove.mutate(team, { onSuccess: onClose })}
    />
  )
}
