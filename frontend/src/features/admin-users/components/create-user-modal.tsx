import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { matchLanguage } from '../../../i18n/language'
import { ApiError } from '../../../lib/api-client'
import { MIN_PASSWORD_LENGTH, showFieldErrors } from '../../../lib/form-errors'
import { useCreateUser, type NewUser } from '../api/user-mutations'
import { RoleAndLocaleFields } from './role-and-locale-fields'
import { PasswordField } from '../../../components/password-field'
import { LIMITS } from '../../../lib/limits'

/** The "New user" dialog. */
export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')} centered>
      <CreateUserForm onDone={onClose} />
    </Modal>
  )
}

/** Email, name, role, language and a first password; server field errors appear under each input. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const create = useCreateUser()
  const form = useForm<NewUser>({
    initialValues: { email: '', name: '', role: 'member', locale: matchLanguage(i18n.language) ?? 'en', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('errors.required')),
      name: (value) => (value.trim() ? null : t('errors.required')),
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('errors.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  })

  const submit = form.onSubmit((values) =>
    create.mutate(
      { ...values, email: values.email.trim(), name: values.name.trim() },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (showFieldErrors(form, error)) return
          // 409 is the one clash this form can cause: the email belongs to someone already.
          if (error instanceof ApiError && error.status === 409) form.setFieldError('email', error.message)
        },
      },
    ),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.email')} type="email" required data-autofocus maxLength={LIMITS.email} {...form.getInputProps('email')} />
        <TextInput label={t('users.name')} required maxLength={LIMITS.name} {...form.getInputProps('name')} />
        <RoleAndLocaleFields role={form.getInputProps('role')} locale={form.getInputProps('locale')} />
        <PasswordField
          label={t('users.password')}
          description={t('users.passwordHint')}
          autoComplete="new-password"
          required
          minLength={LIMITS.passwordMin}
          maxLength={LIMITS.passwordMax}
          {...form.getInputProps('password')}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
