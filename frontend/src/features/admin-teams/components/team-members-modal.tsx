import { Button, Group, Modal, MultiSelect, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { useReloadTeams, useSetMembers } from '../api/team-mutations'
import type { Team } from '../api/teams'
import { useUserOptions } from '../api/user-options'

/** Picks a team's members from all users; saving replaces the list (`PUT /teams/{id}/members`). */
export function TeamMembersModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const { t } = useTranslation()
  const users = useUserOptions()
  const setMembers = useSetMembers()
  const reload = useReloadTeams()
  const form = useForm({ initialValues: { user_ids: team.member_ids } })

  const data = (users.data ?? []).map((user) => ({
    value: user.id,
    label: user.active ? `${user.name} <${user.email}>` : `${user.name} <${user.email}> (${t('users.inactive')})`,
  }))

  const submit = form.onSubmit(({ user_ids }) =>
    setMembers.mutate({ team, userIds: user_ids }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) }),
  )

  return (
    <Modal opened onClose={onClose} title={t('teams.membersTitle', { name: team.name })} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <MultiSelect
            label={t('teams.membersLabel')}
            placeholder={t('teams.membersPlaceholder')}
            data={data}
            searchable
            disabled={users.isPending}
            data-autofocus
            {...form.getInputProps('user_ids')}
          />
          <ErrorAlert error={users.error} />
          <ErrorAlert error={setMembers.error} onReload={reload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={setMembers.isPending} disabled={users.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
