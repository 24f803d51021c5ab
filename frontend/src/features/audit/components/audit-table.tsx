import { List, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import { AUDIT_SUBJECTS, type AuditEntry, type AuditSubject } from '../api/audit'
import { useActionLabel } from './action-label'
import { useAuditDetails } from './use-audit-details'

/** The audit entries, newest first as the server sends them: who by name, what about by name, details as lines. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const actionLabel = useActionLabel()
  const details = useAuditDetails()
  const subjectType = (type: string) => (AUDIT_SUBJECTS.includes(type as AuditSubject) ? t(`auditLog.subjects.${type as AuditSubject}`) : type)
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
          {entries.map((entry) => {
            const lines = details(entry)
            return (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(entry.at)}</Table.Td>
                <Table.Td>
                  {entry.actor_id ? (
                    <Tooltip label={entry.actor_email ?? ''} disabled={!entry.actor_email}>
                      <span>{entry.actor_name ?? entry.actor_email}</span>
                    </Tooltip>
                  ) : (
                    <Text c="dimmed" span size="sm">{t('auditLog.system')}</Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Tooltip label={entry.action}>
                    <span>{actionLabel(entry.action)}</span>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  {entry.subject_name ? `${subjectType(entry.subject_type)}: ${entry.subject_name}` : subjectType(entry.subject_type)}
                </Table.Td>
                <Table.Td ff="monospace">{entry.ip}</Table.Td>
                <Table.Td>
                  {lines.length > 0 && (
                    <List size="sm" spacing={0} listStyleType="none">
                      {lines.map((line, i) => <List.Item key={i}>{line}</List.Item>)}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
