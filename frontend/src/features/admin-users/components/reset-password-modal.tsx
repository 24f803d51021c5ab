import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { MIN_PASSWORD_LENGTH, showFieldErrors } from '../../../lib/form-errors'
import type { User } from '../../../lib/session'
import { useResetPassword } from '../api/user-mutations'
import { PasswordField } from '../../../components/password-field'
import { LIMITS } from '../../../lib/limits'

/** An admin sets a new password for someone, which also signs them out everywhere. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation()
  const reset = useResetPassword()
  const form = useForm({
    initialValues: { password: '' },
    validate: {
      password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('errors.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    },
  })

  const submit = form.onSubmit(({ password }) =>
    reset.mutate({ id: user.id, password }, { onError: (error) => showFieldErrors(form, error) }),
  )

  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.name })} centered>
      {reset.isSuccess ? (
        <Stack>
          <Text role="status">{t('users.resetDone')}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('users.resetMessage')}</Text>
            <PasswordField
              label={t('users.newPassword')}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              required
              minLength={LIMITS.passwordMin}
              maxLength={LIMITS.passwordMax}
              data-autofocus
              {...form.getInputProps('password')}
            />
            <ErrorAlert error={reset.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={reset.isPending}>
                {t('users.resetPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
