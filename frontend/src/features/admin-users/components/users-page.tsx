import { Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { LoadMoreButton } from '../../../components/load-more-button'
import type { User } from '../../../lib/session'
import { useReloadUsers, useUpdateUser } from '../api/user-mutations'
import { useUsers } from '../api/users'
import { useUserFilters } from '../use-user-filters'
import { CreateUserModal } from './create-user-modal'
import { EditUserModal } from './edit-user-modal'
import { ResetPasswordModal } from './reset-password-modal'
import { UserTokensModal } from './user-tokens-modal'
import { UsersTable } from './users-table'
import { UsersToolbar } from './users-toolbar'

/** Which dialog is open, and for whom. */
export type UserDialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'tokens' | 'deactivate'; user: User } | null

/** `/admin/users`: search, filter and page through users; create, edit, deactivate, reset passwords, revoke API tokens. */
export function UsersPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useUserFilters()
  const users = useUsers(filters)
  const activation = useUpdateUser()
  const reload = useReloadUsers()
  const [dialog, setDialog] = useState<UserDialog>(null)

  const listed = users.data?.pages.flatMap((page) => page.items)
  // A dialog holds the user as it was when opened; after a reload the list has the current version.
  const latest = (user: User) => listed?.find((u) => u.id === user.id) ?? user

  const close = () => {
    setDialog(null)
    activation.reset()
  }
  const setActive = (user: User, active: boolean) =>
    activation.mutate({ user: latest(user), changes: { active } }, { onSuccess: close })

  return (
    <Stack>
      <UsersToolbar filters={filters} onChange={setFilters} onCreate={() => setDialog({ kind: 'create' })} />
      {dialog?.kind !== 'deactivate' && <ErrorAlert error={activation.error} onReload={reload} />}
      <ErrorAlert error={users.error} />
      <UsersTable
        users={listed}
        loading={users.isPending}
        sort={filters.sort}
        onSort={(sort) => setFilters({ sort })}
        onAction={(kind, user) => (kind === 'reactivate' ? setActive(user, true) : setDialog({ kind, user }))}
      />
      <LoadMoreButton query={users} />

      <CreateUserModal opened={dialog?.kind === 'create'} onClose={close} />
      {dialog?.kind === 'edit' && <EditUserModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'tokens' && <UserTokensModal user={dialog.user} onClose={close} />}
      <ConfirmDialog
        opened={dialog?.kind === 'deactivate'}
        title={t('users.deactivateTitle', { name: dialog?.kind === 'deactivate' ? dialog.user.name : '' })}
        message={t('users.deactivateMessage')}
        confirmLabel={t('users.deactivate')}
        pending={activation.isPending}
        error={activation.error}
        onReload={reload}
        onClose={close}
        onConfirm={() => dialog?.kind === 'deactivate' && setActive(dialog.user, false)}
      />
    </Stack>
  )
}
