import { Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { TokenTable } from '../../../components/token-table'
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
        confirmLabel={t('tokens.revoke')}
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
  if (tokens.isPending) return <Center py="md"><Loader size="sm" /></Center>
  if (tokens.isError) return <ErrorAlert error={tokens.error} />
  if (tokens.data.items.length === 0) return <Text c="dimmed">{t('users.tokensEmpty')}</Text>
  return <TokenTable tokens={tokens.data.items} onRevoke={onRevoke} />
}
