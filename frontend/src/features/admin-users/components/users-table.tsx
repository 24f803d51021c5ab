import { ActionIcon, Badge, Center, Loader, Menu, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../../i18n/language'
import { useFormat } from '../../../lib/format'
import { usePermission, useSignedIn, type User } from '../../../lib/session'
import type { UserSort } from '../api/users'

/** What a row's action menu can ask the page to do. */
export type UserAction = 'edit' | 'reset' | 'tokens' | 'deactivate' | 'reactivate'

type SortColumn = 'name' | 'email' | 'created_at'

/** The users, sortable by name, email and creation; admins get an action menu on each row. */
export function UsersTable(props: {
  users: User[] | undefined
  loading: boolean
  sort: UserSort
  onSort: (sort: UserSort) => void
  onAction: (action: UserAction, user: User) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const canWrite = usePermission('users:write')

  if (props.loading) return <Center py="xl"><Loader size="sm" /></Center>
  if (!props.users?.length) return <Text c="dimmed">{t('users.empty')}</Text>

  const header = (column: SortColumn, label: string) => (
    <SortHeader column={column} label={label} sort={props.sort} onSort={props.onSort} />
  )
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {header('name', t('users.name'))}
            {header('email', t('users.email'))}
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.locale')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            {header('created_at', t('users.created'))}
            {canWrite && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>{user.name}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{LANGUAGES.find((l) => l.code === user.locale)?.name ?? user.locale}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                  {user.active ? t('users.active') : t('users.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>{format.instant(user.created_at)}</Table.Td>
              {canWrite && (
                <Table.Td ta="right">
                  <RowActions user={user} onAction={props.onAction} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function SortHeader({ column, label, sort, onSort }: { column: SortColumn; label: string; sort: UserSort; onSort: (sort: UserSort) => void }) {
  const { t } = useTranslation()
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none'
  const next = (direction === 'ascending' ? `-${column}` : column) as UserSort
  return (
    <Table.Th aria-sort={direction}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" title={t('users.sortBy', { column: label })}>
        {label} {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
      </UnstyledButton>
    </Table.Th>
  )
}

function RowActions({ user, onAction }: { user: User; onAction: (action: UserAction, user: User) => void }) {
  const { t } = useTranslation()
  const self = useSignedIn().user.id === user.id
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: user.name })}>
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => onAction('edit', user)}>{t('users.edit')}</Menu.Item>
        <Menu.Item onClick={() => onAction('reset', user)}>{t('users.resetPassword')}</Menu.Item>
        <Menu.Item onClick={() => onAction('tokens', user)}>{t('users.apiTokens')}</Menu.Item>
        {/* Deactivating yourself would lock you out at once; another admin has to do it. */}
        {!self &&
          (user.active ? (
            <Menu.Item color="red" onClick={() => onAction('deactivate', user)}>
              {t('users.deactivate')}
            </Menu.Item>
          ) : (
            <Menu.Item onClick={() => onAction('reactivate', user)}>{t('users.reactivate')}</Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  )
}
