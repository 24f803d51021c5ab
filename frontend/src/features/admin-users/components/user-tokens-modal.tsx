import { Button, Center, Group, Loader, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import type { User } from '../../../lib/session'
import { useRevokeUserToken, useUserTokens, type UserToken } from '../api/user-tokens'

/** An admin sees a user's API tokens (name, created, last used) and may revoke any after a confirm. */
export function UserTokensModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation()
  const tokens = useUserTokens(user.id)
  const revoke = useRevokeUserToken(user.id)
  const [revoking, setRevoking] = useState<UserToken | null>(null)

  const closeConfirm = () => {
    setRevoking(null)
    revoke.reset()
  }

  return (
    <>
      {/* Hidden, not unmounted, while the confirm is up so only one dialog is open at a time. */}
      <Modal opened={revoking === null} onClose={onClose} title={t('users.tokensTitle', { name: user.name })} size="lg" centered>
        <Stack>
          <TokenList tokens={tokens} onRevoke={setRevoking} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('users.revokeTokenTitle', { name: revoking?.name ?? '', user: user.name })}
        message={t('users.revokeTokenMessage')}
        confirmLabel={t('users.revokeToken')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={closeConfirm}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: closeConfirm })}
      />
    </>
  )
}

function TokenList({ tokens, onRevoke }: { tokens: ReturnType<typeof useUserTokens>; onRevoke: (token: UserToken) => void }) {
  const { t } = useTranslation()
  const format = useFormat()

  if (tokens.isPending) return <Center py="md"><Loader size="sm" /></Center>
  if (tokens.isError) return <ErrorAlert error={tokens.error} />
  if (tokens.data.items.length === 0) return <Text c="dimmed">{t('users.tokensEmpty')}</Text>

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.tokenName')}</Table.Th>
            <Table.Th>{t('users.tokenCreated')}</Table.Th>
            <Table.Th>{t('users.tokenLastUsed')}</Table.Th>
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
              <Table.Td>{token.last_used_at ? format.instant(token.last_used_at) : t('users.tokenNeverUsed')}</Table.Td>
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('users.revokeTokenLabel', { name: token.name })}
                  onClick={() => onRevoke(token)}
                >
                  {t('users.revokeToken')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
