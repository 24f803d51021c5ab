import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { importProblems } from '../api/import-plan'
import { useImportPlan } from '../api/plan-mutations'

/**
 * Replaces the plan from a CSV or XLSX file, after saying what that means (the whole plan is
 * replaced and baseline dates are dropped). A 422 lists every bad cell by row and column.
 */
export function ImportPlanModal({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const upload = useImportPlan(dealId)
  const [file, setFile] = useState<File | null>(null)
  const rejected = upload.error instanceof ApiError && upload.error.status === 422 ? importProblems(upload.error.fields) : []

  return (
    <Modal opened onClose={onClose} title={t('plan.import.title')} size="lg" centered>
      <Stack>
        <Alert color="yellow" variant="light">{t('plan.import.warning')}</Alert>
        <Text size="sm" c="dimmed">{t('plan.import.columns')}</Text>
        <FileInput label={t('plan.import.file')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file} onChange={(next) => { setFile(next); upload.reset() }} clearable />
        {rejected.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" c="red.7" role="alert">{t('plan.import.problems')}</Text>
            <Table fz="sm" withTableBorder aria-label={t('plan.import.problems')}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t('plan.import.row')}</Table.Th><Table.Th>{t('plan.import.column')}</Table.Th><Table.Th>{t('plan.import.problem')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((problem) => (
                  <Table.Tr key={`${problem.row}-${problem.column}`}>
                    <Table.Td>{problem.row ?? t('plan.import.wholeFile')}</Table.Td>
                    <Table.Td><code>{problem.column}</code></Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : (
          <ErrorAlert error={upload.error} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file, { onSuccess: onClose })}>
            {t('plan.import.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
