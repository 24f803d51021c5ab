import { Button, Center, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { LoadMoreButton } from '../../../components/load-more-button'
import { useUserDirectory } from '../../../lib/directory'
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, useAudit, type AuditFilter } from '../api/audit'
import { useActionLabel } from './action-label'
import { filterFromParams, paramsFromFilter } from './audit-filters'
import { AuditTable } from './audit-table'

const ALL = ''

/**
 * `/admin/audit`: who did what and when, filtered by action, actor, what it was about and days
 * (all in the URL, applied by the server), paged by "Load more".
 */
export function AuditPage() {
  const { t } = useTranslation()
  const actionLabel = useActionLabel()
  const users = useUserDirectory()
  const [params, setParams] = useSearchParams()
  const filter = filterFromParams(params)
  const audit = useAudit(filter)
  const entries = audit.data?.pages.flatMap((page) => page.items)
  const set = (change: Partial<AuditFilter>) => setParams(paramsFromFilter({ ...filter, ...change }), { replace: true })

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('audit.action')} w={240} allowDeselect={false} value={filter.action ?? ALL}
          onChange={(value) => set({ action: (value || undefined) as AuditFilter['action'] })}
          data={[{ value: ALL, label: t('audit.allActions') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))]} />
        <Select label={t('auditLog.actor')} w={200} allowDeselect={false} searchable value={filter.actor_id ?? ALL}
          onChange={(value) => set({ actor_id: value || undefined })}
          data={[{ value: ALL, label: t('auditLog.anyone') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))]} />
        <Select label={t('auditLog.subjectType')} w={160} allowDeselect={false} value={filter.subject_type ?? ALL}
          onChange={(value) => set({ subject_type: (value || undefined) as AuditFilter['subject_type'] })}
          data={[{ value: ALL, label: t('auditLog.anything') }, ...AUDIT_SUBJECTS.map((s) => ({ value: s, label: t(`auditLog.subjects.${s}`) }))]} />
        <TextInput type="date" label={t('auditLog.from')} w={160} value={filter.from ?? ''} max={filter.to}
          onChange={(event) => set({ from: event.currentTarget.value || undefined })} />
        <TextInput type="date" label={t('auditLog.to')} w={160} value={filter.to ?? ''} min={filter.from}
          onChange={(event) => set({ to: event.currentTarget.value || undefined })} />
        {Object.keys(paramsFromFilter(filter)).length > 0 && (
          <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>{t('auditLog.clear')}</Button>
        )}
      </Group>
      <ErrorAlert error={audit.error} />
      {audit.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {entries?.length === 0 && <Text c="dimmed">{t('audit.empty')}</Text>}
      {entries && entries.length > 0 && <AuditTable entries={entries} />}
      <LoadMoreButton query={audit} />
    </Stack>
  )
}
