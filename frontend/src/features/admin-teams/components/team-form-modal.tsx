import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { useCreateTeam, useReloadTeams, useUpdateTeam } from '../api/team-mutations'
import type { Team } from '../api/teams'
import { buildTeamTree, flattenTree, subtreeIds } from '../team-tree'
import { LIMITS } from '../../../lib/limits'

// Select values must be strings; this one stands for "no parent".
const TOP_LEVEL = ''

type Props =
  | { mode: 'create'; parent: Team | null; teams: Team[]; onClose: () => void }
  | { mode: 'rename' | 'move'; team: Team; teams: Team[]; onClose: () => void }

/** Creates a team (optionally under a parent), renames one, or moves one under another parent. */
export function TeamFormModal(props: Props) {
  const { t, i18n } = useTranslation()
  const create = useCreateTeam()
  const update = useUpdateTeam()
  const reload = useReloadTeams()
  const mutation = props.mode === 'create' ? create : update
  const team = props.mode === 'create' ? null : props.team
  const form = useForm({
    initialValues: {
      name: team?.name ?? '',
      name_zh: team?.name_zh ?? '',
      parent_id: (props.mode === 'create' ? props.parent?.id : team?.parent_id) ?? TOP_LEVEL,
    },
    validate: { name: (value) => (value.trim() ? null : t('errors.required')) },
  })

  // A team cannot go under itself or its own sub-teams; the server checks again (422 on parent_id).
  const excluded = team ? subtreeIds(props.teams, team.id) : new Set<string>()
  const parentOptions = [
    { value: TOP_LEVEL, label: t('teams.noParent') },
    ...flattenTree(buildTeamTree(props.teams, i18n.language))
      .filter(({ team: option }) => !excluded.has(option.id))
      .map(({ team: option, depth }) => ({ value: option.id, label: `${'— '.repeat(depth)}${option.name}` })),
  ]

  const submit = form.onSubmit((values) => {
    const options = { onSuccess: props.onClose, onError: (error: Error) => showFieldErrors(form, error) }
    const parent_id = values.parent_id === TOP_LEVEL ? null : values.parent_id
    const names = { name: values.name.trim(), name_zh: values.name_zh.trim() }
    if (props.mode === 'create') return create.mutate({ ...names, parent_id }, options)
    const changes = props.mode === 'rename' ? names : { parent_id }
    update.mutate({ team: props.team, changes }, options)
  })

  const title =
    props.mode === 'create'
      ? props.parent
        ? t('teams.createSubTitle', { parent: props.parent.name })
        : t('teams.createTitle')
      : t(props.mode === 'rename' ? 'teams.renameTitle' : 'teams.moveTitle', { name: props.team.name })

  return (
    <Modal opened onClose={props.onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.mode !== 'move' && (
            <TextInput label={t('teams.name')} required data-autofocus maxLength={LIMITS.name} {...form.getInputProps('name')} />
          )}
          {props.mode !== 'move' && (
            <TextInput label={t('teams.nameZh')} lang="zh-CN" maxLength={LIMITS.name} {...form.getInputProps('name_zh')} />
          )}
          {props.mode !== 'rename' && (
            <Select label={t('teams.parent')} data={parentOptions} allowDeselect={false} searchable {...form.getInputProps('parent_id')} />
          )}
          <ErrorAlert error={mutation.error} onReload={reload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
