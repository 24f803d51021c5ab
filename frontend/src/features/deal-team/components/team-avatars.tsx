import { Avatar, Group, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DealMember } from '../../../lib/deals'
import { useUserDirectory } from '../../../lib/directory'
import { toPeople } from '../team-draft'

const SHOWN = 5

/** The deal team's faces for the workspace header, each with name and roles on hover. */
export function DealTeamAvatars({ team }: { team: DealMember[] }) {
  const { t } = useTranslation()
  const users = new Map((useUserDirectory().data ?? []).map((user) => [user.id, user]))
  const people = toPeople(team)
  if (people.length === 0) return null
  const nameOf = (id: string) => users.get(id)?.name ?? '…'
  const names = people.map((person) => nameOf(person.user_id))

  return (
    <Group gap="xs" wrap="nowrap" aria-label={t('dealTeam.avatarsLabel', { names: names.join(', ') })} role="group">
      <Tooltip.Group openDelay={200}>
        <Avatar.Group spacing={6}>
          {people.slice(0, SHOWN).map((person) => (
            <Tooltip
              key={person.user_id}
              withArrow
              label={`${nameOf(person.user_id)} · ${person.roles.map((role) => t(`terms.dealRoles.${role}`)).join(', ')}`}
            >
              <Avatar name={nameOf(person.user_id)} color="initials" radius="xl" size={34} variant="filled" />
            </Tooltip>
          ))}
          {people.length > SHOWN && <Avatar radius="xl" size={34}>+{people.length - SHOWN}</Avatar>}
        </Avatar.Group>
      </Tooltip.Group>
      <Text size="sm" c="dimmed" lineClamp={1} maw={420}>
        {names.slice(0, 3).join(', ')}
        {names.length > 3 ? ` +${names.length - 3}` : ''}
      </Text>
    </Group>
  )
}
