import { Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useRevokeToken, useTokens, type ApiToken } from '../api/tokens'

/** The signed-in user's tokens with when each was last used; each can be revoked after a confirm. */
export function TokensTable() {
  const { t } = useTranslation()
  const format = useFormat()
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
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tokens.name')}</Table.Th>
            <Table.Th>{t('tokens.created')}</Table.Th>
            <Table.Th>{t('tokens.lastUsed')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.data.items.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>{format.instant(token.created_at)}</Table.Td>
              <Table.Td>{token.last_used_at ? format.instant(token.last_used_at) : t('common.never')}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('tokens.revokeLabel', { name: token.name })}
                  onClick={() => setRevoking(token)}
                >
                  {t('tokens.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
