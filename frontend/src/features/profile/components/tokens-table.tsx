import { Loader, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { TokenTable } from '../../../components/token-table'
import { useRevokeToken, useTokens, type ApiToken } from '../api/tokens'

/** The signed-in user's tokens with when each was last used; each can be revoked after a confirm. */
export function TokensTable() {
  const { t } = useTranslation()
  const tokens = useTokens()
  const revoke = useRevokeToken()
  const [revoking, setRevoking] = useState<ApiToken | null>(null)

  if (tokens.isPending) return <Loader size="sm" />
  if (tokens.isError) return <ErrorAlert error={tokens.error} />
  if (tokens.data.items.length === 0) return <Text c="dimmed">{t('tokens.empty')}</Text>

  const close = () => {
    setRevoking(null)
    revoke.reset()
  }

  return (
    <>
      <TokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        message={t('tokens.revokeMessage')}
        confirmLabel={t('tokens.revoke')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: close })}
      />
    </>
  )
}
