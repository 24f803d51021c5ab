import { Alert, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../lib/api-client'

/** What to tell the user about a failed request: the server's own message when it sent one. */
export function useErrorText() {
  const { t } = useTranslation()
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.status === 412) return t('errors.staleVersion')
      if (error.isNetworkError) return t('errors.network')
      if (error.code !== 'unexpected_response') return error.message
    }
    return t('errors.unexpected')
  }
}

/**
 * A failed request's message (or `message`, when the caller words it itself), or nothing while
 * there is no error. On a 412 it offers `onReload`, which fetches the current version while the
 * form keeps what the user typed.
 */
export function ErrorAlert({ error, message, onReload }: { error: unknown; message?: string; onReload?: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  if (!error) return null
  const stale = error instanceof ApiError && error.status === 412
  return (
    <Alert color="red" role="alert" variant="light">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{message ?? errorText(error)}</Text>
        {stale && onReload && (
          <Button size="xs" variant="white" color="red" onClick={onReload}>
            {t('common.reload')}
          </Button>
        )}
      </Group>
    </Alert>
  )
}
