import { Button, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { showFieldErrors } from '../../../lib/form-errors'
import { useLogin, type Credentials } from '../api/login'
import { PasswordField } from '../../../components/password-field'
import { LIMITS } from '../../../lib/limits'

/**
 * Email and password. A wrong email or password gets the server's one generic message (it never
 * says which was wrong); too many failures get the wait in minutes from `Retry-After`.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation()
  const login = useLogin()
  const form = useForm<Credentials>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('errors.required')),
      password: (value) => (value ? null : t('errors.required')),
    },
  })

  const submit = form.onSubmit((values) =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: onSignedIn, onError: (error) => showFieldErrors(form, error) },
    ),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('signIn.email')} type="email" autoComplete="username" required maxLength={LIMITS.email} {...form.getInputProps('email')} />
        <PasswordField
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          maxLength={LIMITS.passwordMax}
          {...form.getInputProps('password')}
        />
        <ErrorAlert
          error={login.error}
          message={isThrottled(login.error) ? t('signIn.throttled', { count: waitMinutes(login.error) }) : undefined}
        />
        <Button type="submit" loading={login.isPending}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  )
}

function isThrottled(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 429
}

// Whole minutes, rounded up, and at least one: "try again in 0 minutes" would invite a retry too soon.
function waitMinutes(error: ApiError): number {
  return Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60))
}
