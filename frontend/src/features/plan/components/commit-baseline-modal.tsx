import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { LIMITS } from '../../../lib/limits'
import { useCommitBaseline } from '../api/plan-mutations'
import type { Baseline } from '../api/types'

/**
 * Makes `baseline` the committed one — slippage is measured against it from now on — with the
 * PMO's reason, which the activity trail keeps (`POST /deals/{id}/baselines/{id}/commit`).
 */
export function CommitBaselineModal({ dealId, baseline, current, onClose }: { dealId: string; baseline: Baseline; current: Baseline | null; onClose: () => void }) {
  const { t } = useTranslation()
  const commit = useCommitBaseline(dealId)
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('errors.required')) },
  })
  const submit = form.onSubmit((values) =>
    commit.mutate({ baselineId: baseline.id, reason: values.reason.trim() }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) }),
  )
  return (
    <Modal opened onClose={onClose} title={t('planTrust.committed.title', { name: baseline.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('planTrust.committed.hint', { current: current?.name ?? '—' })}</Text>
          <Textarea label={t('planTrust.committed.reason')} required rows={3} data-autofocus maxLength={LIMITS.reason} {...form.getInputProps('reason')} />
          <ErrorAlert error={commit.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={commit.isPending}>{t('planTrust.committed.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
