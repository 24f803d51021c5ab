import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { importProblems, type ImportMode, type ImportOutcome } from '../api/import-plan'
import { useImportPlan, useUndoImport } from '../api/plan-mutations'

/**
 * Imports a CSV or XLSX file into the plan: merge (the default: update the milestones the file
 * names, add its new rows, keep the rest) or replace. A 422 lists every bad cell by row and
 * column; a success shows what changed, with one click to undo it.
 */
export function ImportPlanModal({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const upload = useImportPlan(dealId)
  const [file, setFile] = useState<File | null>(null)
  const [mode, setMode] = useState<ImportMode>('merge')
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)
  const rejected = upload.error instanceof ApiError && upload.error.status === 422 ? importProblems(upload.error.fields) : []

  return (
    <Modal opened onClose={onClose} title={t('plan.import.title')} size="lg" centered>
      {outcome ? (
        <ImportSummaryView dealId={dealId} outcome={outcome} onClose={onClose} />
      ) : (
        <Stack>
          <Radio.Group label={t('plan.import.mode')} value={mode} onChange={(next) => setMode(next as ImportMode)}>
            <Stack gap="xs" mt={4}>
              <Radio value="merge" label={t('plan.import.merge')} description={t('plan.import.mergeHint')} />
              <Radio value="replace" label={t('plan.import.replace')} description={t('plan.import.replaceHint')} />
            </Stack>
          </Radio.Group>
          {mode === 'replace' && <Alert color="yellow" variant="light">{t('plan.import.warning')}</Alert>}
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
            <Button color={mode === 'replace' ? 'red' : undefined} disabled={!file} loading={upload.isPending}
              onClick={() => file && upload.mutate({ file, mode }, { onSuccess: setOutcome })}>
              {t(mode === 'replace' ? 'plan.import.confirmReplace' : 'plan.import.confirmMerge')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

const COUNTS = ['added', 'updated', 'removed', 'unchanged'] as const

/** What an import changed, and Undo until it is undone (or the plan changed since: 412). */
function ImportSummaryView({ dealId, outcome, onClose }: { dealId: string; outcome: ImportOutcome; onClose: () => void }) {
  const { t } = useTranslation()
  const undo = useUndoImport(dealId)
  const { summary, version } = outcome
  const changed = summary.added + summary.updated + summary.removed > 0
  const stale = undo.error instanceof ApiError && undo.error.status === 412

  return (
    <Stack>
      <Text fw={600} role="status">{t(undo.isSuccess ? 'plan.import.undone' : changed ? 'plan.import.imported' : 'plan.import.nothingChanged')}</Text>
      <Table fz="sm" withTableBorder aria-label={t('plan.import.summary')}>
        <Table.Tbody>
          {COUNTS.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{t(`plan.import.counts.${key}`)}</Table.Th>
              <Table.Td>{summary[key]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {stale ? <Alert color="red" variant="light" role="alert">{t('plan.import.undoStale')}</Alert> : <ErrorAlert error={undo.error} />}
      <Group justify="flex-end">
        {!undo.isSuccess && version !== null && (
          <Button variant="default" loading={undo.isPending} disabled={stale}
            onClick={() => undo.mutate({ importId: summary.id, version })}>
            {t('plan.import.undo')}
          </Button>
        )}
        <Button onClick={onClose}>{t('plan.import.close')}</Button>
      </Group>
    </Stack>
  )
}
