import { Code, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { AuditEntry } from '../api/audit'
import { useActionLabel } from './action-label'

/** The audit entries, newest first as the server sends them. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const actionLabel = useActionLabel()
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.subject')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(entry.at)}</Table.Td>
              <Table.Td>{entry.actor_email ?? <Text c="dimmed" span size="sm">{t('audit.system')}</Text>}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Tooltip label={entry.action}>
                  <span>{actionLabel(entry.action)}</span>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                {entry.subject_type}
                {entry.subject_id && (
                  <Text span size="xs" c="dimmed" ff="monospace" ml={4}>
                    {entry.subject_id.slice(0, 8)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ff="monospace">{entry.ip}</Table.Td>
              <Table.Td>
                {Object.keys(entry.details ?? {}).length > 0 && <Code>{JSON.stringify(entry.details)}</Code>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
