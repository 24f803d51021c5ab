import { Button, Table, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../lib/format'

/** What a token list shows of each API token (never its secret). */
export interface TokenSummary {
  id: string
  name: string
  created_at: string
  last_used_at: string | null
}

/** API tokens with when each was made and last used, and a Revoke button each. */
export function TokenTable<T extends TokenSummary>({ tokens, onRevoke }: { tokens: readonly T[]; onRevoke: (token: T) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Table.ScrollContainer minWidth={480}>
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
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>{format.instant(token.created_at)}</Table.Td>
              <Table.Td>{token.last_used_at ? format.instant(token.last_used_at) : t('common.never')}</Table.Td>
              <Table.Td ta="right">
                <Button size="xs" variant="subtle" color="red" aria-label={t('tokens.revokeLabel', { name: token.name })} onClick={() => onRevoke(token)}>
                  {t('tokens.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
