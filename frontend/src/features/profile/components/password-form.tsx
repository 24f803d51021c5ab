import { Button, Group, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { MIN_PASSWORD_LENGTH, showFieldErrors } from '../../../lib/form-errors'
import { useChangePassword, type PasswordChange } from '../api/change-password'
import { PasswordField } from '../../../components/password-field'
import { LIMITS } from '../../../lib/limits'

/** Changes the signed-in user's password; a wrong current password is reported under its field. */
export function PasswordForm() {
  const { t } = useTranslation()
  const change = useChangePassword()
  const [done, setDone] = useState(false)
  const form = useForm<PasswordChange>({
    initialValues: { current_password: '', new_password: '' },
    validate: {
      current_password: (value) => (value ? null : t('errors.required')),
      new_password: (value) =>
        value.length >= MIN_PASSWORD_LENGTH ? null : t('errors.passwordTooShort', { count: MIN_PASSWORD_LENGTH }),
    },
    onValuesChange: () => setDone(false),
  })

  const submit = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset()
        setDone(true)
      },
      onError: (error) => showFieldErrors(form, error),
    }),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          {...form.getInputProps('current_password')}
        />
        <PasswordField
          label={t('profile.newPassword')}
          description={t('profile.newPasswordHint')}
          autoComplete="new-password"
          required
          minLength={LIMITS.passwordMin}
          maxLength={LIMITS.passwordMax}
          {...form.getInputProps('new_password')}
        />
        <ErrorAlert error={change.error} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
          {done && (
            <Text size="sm" c="teal" role="status">
              {t('profile.passwordChanged')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  )
}
