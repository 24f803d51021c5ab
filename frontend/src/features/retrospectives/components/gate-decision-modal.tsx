import { Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { dealQueryKey } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { useRecordGateDecision } from '../api/review-mutations'
import { useDealSnapshot } from '../api/review-queries'
import type { Decision, MilestoneRef } from '../api/types'
import { isIsoDate } from '../dates'
import { LIMITS } from '../../../lib/limits'

interface Values {
  milestone_id: string | null
  decision: Decision
  decided_on: string
  rationale: string
  conditions: string
  abandon_deal: boolean
}

/** Props of the dialog that records a go / no-go at one of the deal's gates. */
export interface GateDecisionModalProps {
  dealId: string
  gates: MilestoneRef[]
  label: (milestone: MilestoneRef) => string
  today: string
  onClose: () => void
}

/**
 * Records a go / no-go. A no-go may also end an open deal as abandoned: that is based on the
 * deal's version (If-Match), and on a 412 "Reload" fetches the deal while the form keeps what was typed.
 */
export function GateDecisionModal({ dealId, gates, label, today, onClose }: GateDecisionModalProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const deal = useDealSnapshot(dealId)
  const record = useRecordGateDecision(dealId)
  const form = useForm<Values>({
    initialValues: { milestone_id: gates[0]?.id ?? null, decision: 'go', decided_on: today, rationale: '', conditions: '', abandon_deal: false },
    validate: {
      milestone_id: (value) => (value ? null : t('errors.required')),
      decided_on: (value) => (!isIsoDate(value) ? t('retrospectives.errors.date') : value > today ? t('retrospectives.errors.future') : null),
      rationale: (value) => (value.trim() ? null : t('errors.required')),
    },
  })
  const canAbandon = form.values.decision === 'no_go' && deal.data?.status === 'open'

  const submit = form.onSubmit((values) => {
    const abandon = canAbandon && values.abandon_deal
    const input = {
      milestone_id: values.milestone_id!,
      decision: values.decision,
      decided_on: values.decided_on,
      rationale: values.rationale.trim(),
      conditions: values.conditions.trim(),
      ...(abandon ? { abandon_deal: true } : {}),
    }
    record.mutate({ input, dealVersion: deal.data?.version }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) })
  })
  const fieldErrors = record.error instanceof ApiError && Object.keys(record.error.fields).length > 0
  const reloadDeal = () => {
    record.reset()
    void queryClient.invalidateQueries({ queryKey: dealQueryKey(dealId) })
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('retrospectives.gates.record')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('retrospectives.gates.gate')}
              data={gates.map((gate) => ({ value: gate.id, label: `${gate.sequence}. ${label(gate)}` }))}
              required
              allowDeselect={false}
              {...form.getInputProps('milestone_id')}
            />
            <TextInput type="date" min={LIMITS.dateMin} label={t('retrospectives.gates.decidedOn')} required max={today} {...form.getInputProps('decided_on')} />
          </SimpleGrid>
          <Radio.Group label={t('retrospectives.gates.decision')} required {...form.getInputProps('decision')}>
            <Group mt={4}>
              <Radio value="go" label={t('retrospectives.gates.go')} />
              <Radio value="no_go" label={t('retrospectives.gates.no_go')} />
            </Group>
          </Radio.Group>
          <Textarea label={t('retrospectives.gates.rationale')} required rows={3} maxLength={LIMITS.text} {...form.getInputProps('rationale')} />
          <Textarea label={t('retrospectives.gates.conditions')} rows={2} maxLength={LIMITS.text} {...form.getInputProps('conditions')} />
          {canAbandon && (
            <Checkbox
              color="red"
              label={t('retrospectives.gates.abandon')}
              description={t('retrospectives.gates.abandonHint')}
              {...form.getInputProps('abandon_deal', { type: 'checkbox' })}
            />
          )}
          {!fieldErrors && <ErrorAlert error={record.error} onReload={reloadDeal} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={record.isPending} color={canAbandon && form.values.abandon_deal ? 'red' : undefined}>
              {t('retrospectives.gates.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
