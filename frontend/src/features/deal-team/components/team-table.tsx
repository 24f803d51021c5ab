import { ActionIcon, Avatar, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DealRole } from '../../../lib/deals'
import type { User } from '../../../lib/session'
import type { TeamPerson } from '../team-draft'
import { RoleChips } from './role-chips'

/** The deal team, one person a row; with `onChange` roles toggle and people can be removed. */
export function TeamTable({
  people,
  users,
  onChange,
}: {
  people: TeamPerson[]
  users: Map<string, User>
  onChange?: (people: TeamPerson[]) => void
}) {
  const { t } = useTranslation()
  const setRoles = (userId: string, roles: DealRole[]) =>
    onChange?.(people.map((person) => (person.user_id === userId ? { ...person, roles } : person)))
  const remove = (userId: string) => onChange?.(people.filter((person) => person.user_id !== userId))

  return (
    <Table verticalSpacing="sm" aria-label={t('dealTeam.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dealTeam.person')}</Table.Th>
          <Table.Th>{t('dealTeam.email')}</Table.Th>
          <Table.Th>{t('dealTeam.rolesHeader')}</Table.Th>
          {onChange && <Table.Th w={60} />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => {
          const user = users.get(person.user_id)
          const name = user?.name ?? person.user_id
          return (
            <Table.Tr key={person.user_id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Avatar name={name} color="initials" size="sm" />
                  <Text size="sm" fw={500}>
                    {name}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {user?.email ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleChips roles={person.roles} name={name} onChange={onChange && ((roles) => setRoles(person.user_id, roles))} />
                {onChange && person.roles.length === 0 && (
                  <Text size="xs" c="red" mt={4}>
                    {t('dealTeam.needsRole')}
                  </Text>
                )}
              </Table.Td>
              {onChange && (
                <Table.Td ta="right">
                  <ActionIcon variant="subtle" color="gray" aria-label={t('dealTeam.remove', { name })} onClick={() => remove(person.user_id)}>
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
