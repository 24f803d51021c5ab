import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import type { LanguageCode } from '../../../i18n/language'
import { showFieldErrors } from '../../../lib/form-errors'
import type { Role, User } from '../../../lib/session'
import { useUpdateUser, type UserChanges } from '../api/user-mutations'
import { useUser } from '../api/users'
import { RoleAndLocaleFields } from './role-and-locale-fields'
import { LIMITS } from '../../../lib/limits'

interface Values {
  name: string
  role: Role
  locale: LanguageCode
}

/**
 * Edits a user's name, role and language, sending only what changed. On a 412 "Reload" fetches the
 * user's current version while the form keeps what was typed; saving again is then based on it.
 */
export function EditUserModal({ user: listed, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation()
  const user = useUser(listed)
  const update = useUpdateUser()
  const form = useForm<Values>({
    initialValues: { name: listed.name, role: listed.role, locale: listed.locale },
    validate: { name: (value) => (value.trim() ? null : t('errors.required')) },
  })

  const submit = form.onSubmit((values) => {
    const changes: UserChanges = {}
    if (form.isDirty('name')) changes.name = values.name.trim()
    if (form.isDirty('role')) changes.role = values.role
    if (form.isDirty('locale')) changes.locale = values.locale
    if (Object.keys(changes).length === 0) return onClose()
    update.mutate({ user: user.data, changes }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) })
  })

  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { name: listed.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('users.email')} value={user.data.email} readOnly variant="filled" />
          <TextInput label={t('users.name')} required data-autofocus maxLength={LIMITS.name} {...form.getInputProps('name')} />
          <RoleAndLocaleFields role={form.getInputProps('role')} locale={form.getInputProps('locale')} />
          <ErrorAlert error={update.error} onReload={() => void user.refetch()} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
