import { Center, Loader, Select, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { LoadMoreButton } from '../../../components/load-more-button'
import { AUDIT_ACTIONS, useAudit, type AuditAction } from '../api/audit'
import { useActionLabel } from './action-label'
import { AuditTable } from './audit-table'

const ALL = ''

/** `/admin/audit`: who did what and when, filtered by action (`?action=`), paged by "Load more". */
export function AuditPage() {
  const { t } = useTranslation()
  const actionLabel = useActionLabel()
  const [params, setParams] = useSearchParams()
  const raw = params.get('action')
  const action = AUDIT_ACTIONS.includes(raw as AuditAction) ? (raw as AuditAction) : undefined
  const audit = useAudit(action)
  const entries = audit.data?.pages.flatMap((page) => page.items)

  return (
    <Stack>
      <Select
        label={t('audit.action')}
        w={280}
        allowDeselect={false}
        value={action ?? ALL}
        onChange={(value) => setParams(value ? { action: value } : {}, { replace: true })}
        data={[{ value: ALL, label: t('audit.allActions') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))]}
      />
      <ErrorAlert error={audit.error} />
      {audit.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {entries?.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {entries && entries.length > 0 && <AuditTable entries={entries} />}
      <LoadMoreButton query={audit} />
    </Stack>
  )
}
