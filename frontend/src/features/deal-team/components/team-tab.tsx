import { Button, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { canOnDeal, type Deal } from '../../../lib/deals'
import { useUserDirectory } from '../../../lib/directory'
import { useReloadDeal, useSetDealTeam } from '../api/deal-team'
import { sameTeam, toMembers, toPeople, type TeamPerson } from '../team-draft'
import { AddPersonSelect } from './add-person-select'
import { TeamTable } from './team-table'

/**
 * The Team tab: who holds PMO, business and solution roles on the deal. With `deal.team:write`
 * the team is edited in place and saved in one `PUT`; on a 412 the edits stay while "Reload"
 * fetches the current deal, and saving again is based on it.
 */
export function TeamTab({ deal }: { deal: Deal }) {
  const { t } = useTranslation()
  const canEdit = canOnDeal(deal.permissions, 'deal.team:write')
  const users = useUserDirectory()
  const save = useSetDealTeam()
  const reload = useReloadDeal(deal.id)
  const [draft, setDraft] = useState<TeamPerson[] | null>(null)

  const people = draft ?? toPeople(deal.team)
  const byId = new Map((users.data ?? []).map((user) => [user.id, user]))
  const dirty = draft !== null && (!sameTeam(toMembers(draft), deal.team) || draft.some((p) => p.roles.length === 0))
  const complete = people.every((person) => person.roles.length > 0)
  // The server keeps a PMO on every deal team (422 on `team` otherwise), so someone runs the deal.
  const hasPMO = people.some((person) => person.roles.includes('pmo'))

  const submit = () => {
    if (!draft) return
    save.mutate({ deal, members: toMembers(draft) }, { onSuccess: () => setDraft(null) })
  }
  const discard = () => {
    setDraft(null)
    save.reset()
  }

  return (
    <Stack>
      <Text c="dimmed" size="sm">
        {t('dealTeam.description')}
      </Text>
      {people.length === 0 ? (
        <Text>{t('dealTeam.empty')}</Text>
      ) : (
        <TeamTable people={people} users={byId} onChange={canEdit ? setDraft : undefined} />
      )}
      <ErrorAlert error={users.error} />
      {canEdit && (
        <>
          <AddPersonSelect
            users={users.data ?? []}
            exclude={people.map((person) => person.user_id)}
            onAdd={(userId) => setDraft([...people, { user_id: userId, roles: [] }])}
          />
          {dirty && !hasPMO && <Text size="sm" c="red.7">{t('dealTeam.needsPmo')}</Text>}
          <ErrorAlert error={save.error} onReload={reload} />
          <Group justify="flex-end">
            {dirty && (
              <Button variant="default" onClick={discard}>
                {t('dealTeam.discard')}
              </Button>
            )}
            <Button onClick={submit} disabled={!dirty || !complete || !hasPMO} loading={save.isPending}>
              {t('dealTeam.save')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}
