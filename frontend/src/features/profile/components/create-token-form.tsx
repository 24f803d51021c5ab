import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { useCreateToken, type CreatedToken } from '../api/tokens'
import { LIMITS } from '../../../lib/limits'

/** Names and creates a token, then shows its secret this one time with a copy button. */
export function CreateTokenForm() {
  const { t } = useTranslation()
  const create = useCreateToken()
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim() ? null : t('errors.required')) },
  })

  const submit = form.onSubmit(({ name }) =>
    create.mutate(name.trim(), {
      onSuccess: () => form.reset(),
      onError: (error) => showFieldErrors(form, error),
    }),
  )

  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            required
            w={320}
            maxLength={LIMITS.tokenName}
            {...form.getInputProps('name')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} />
      {create.data && <NewTokenAlert token={create.data} />}
    </Stack>
  )
}

function NewTokenAlert({ token }: { token: CreatedToken }) {
  const { t } = useTranslation()
  return (
    <Alert color="yellow" title={t('tokens.createdTitle', { name: token.name })}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('tokens.createdWarning')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
            {token.token}
          </Code>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : 'yellow'} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  )
}
