import { Card, Group, Loader, Table, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api-client'
import { useMeta } from '../api/get-meta'

/** A small card that shows which server answers, proving the API client works end to end. */
export function ServerStatusCard() {
  const { t } = useTranslation()
  const meta = useMeta()

  return (
    <Card withBorder maw={360} component="section" aria-labelledby="server-status-title">
      <Title order={2} size="h4" mb="xs" id="server-status-title">
        {t('server.title')}
      </Title>
      {meta.isPending && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('server.loading')}</Text>
        </Group>
      )}
      {meta.isError && (
        <Text size="sm" c="red" role="alert">
          {errorText(meta.error, t)}
        </Text>
      )}
      {meta.isSuccess && (
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={100}>{t('server.name')}</Table.Th>
              <Table.Td>{meta.data.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('server.version')}</Table.Th>
              <Table.Td>{meta.data.version}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}

function errorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError && !error.isNetworkError) return t('server.failed', { status: error.status })
  return t('server.unreachable')
}
