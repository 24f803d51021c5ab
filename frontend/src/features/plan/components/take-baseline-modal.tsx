import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { useTakeBaseline } from '../api/plan-mutations'
import { LIMITS } from '../../../lib/limits'

/** Freezes the plan's dates under a name and reason (`POST /deals/{id}/baselines`). */
export function TakeBaselineModal({ dealId, onClose }: { dealId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const take = useTakeBaseline(dealId)
  const form = useForm({
    initialValues: { name: '', reason: '' },
    validate: { name: (value) => (value.trim() ? null : t('errors.required')) },
  })
  const submit = form.onSubmit((values) =>
    take.mutate({ name: values.name.trim(), reason: values.reason.trim() }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) }),
  )
  return (
    <Modal opened onClose={onClose} title={t('plan.baselines.take')} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">{t('plan.baselines.takeHint')}</Text>
          <TextInput label={t('plan.baselines.name')} required data-autofocus maxLength={LIMITS.name} {...form.getInputProps('name')} />
          <Textarea label={t('plan.baselines.reason')} rows={2} maxLength={LIMITS.reason} {...form.getInputProps('reason')} />
          <ErrorAlert error={take.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={take.isPending}>{t('plan.baselines.take')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
