import { Button, Checkbox, Group, Modal, Radio, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import type { Deal, DealStatus } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { useSignedIn } from '../../../lib/session'
import { useReloadDeal, useUpdateDeal, type StatusChange } from '../api/deal-mutations'
import { LIMITS } from '../../../lib/limits'

interface Values {
  status: DealStatus
  status_reason: string
  override_gate: boolean
}

/** Where a deal may go from its status: an open deal closes, a closed one reopens. */
export function nextStatuses(status: DealStatus): DealStatus[] {
  return status === 'open' ? ['won', 'lost', 'abandoned'] : ['open']
}

/** True when the server refused "won" because the contract-signing gate is not done. */
function gateRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 422 && 'status' in error.fields
}

/**
 * Closes a deal as won, lost or abandoned, or reopens it. Lost and abandoned need a reason. When
 * the server refuses "won" for the open contract gate, its message shows under the choice, and
 * an administrator may override it with a note.
 */
export function ChangeStatusModal({ deal, onClose }: { deal: Deal; onClose: () => void }) {
  const { t } = useTranslation()
  const isAdmin = useSignedIn().user.role === 'admin'
  const update = useUpdateDeal()
  const reload = useReloadDeal(deal.id)
  const options = nextStatuses(deal.status)
  const form = useForm<Values>({
    initialValues: { status: options[0]!, status_reason: '', override_gate: false },
    validate: {
      status_reason: (value, values) =>
        (values.status === 'lost' || values.status === 'abandoned' || values.override_gate) && !value.trim()
          ? t('deals.statusDialog.reasonRequired')
          : null,
    },
  })
  // Offered only once the server has said the gate is open, so nobody overrides by habit.
  const [gateOpen, setGateOpen] = useState(false)
  const canOverride = isAdmin && form.values.status === 'won' && gateOpen

  const submit = form.onSubmit((values) => {
    const change: StatusChange = { status: values.status }
    if (values.status_reason.trim()) change.status_reason = values.status_reason.trim()
    if (values.status === 'won' && values.override_gate) change.override_gate = true
    update.mutate({ deal, changes: change }, {
      onSuccess: onClose,
      onError: (error) => {
        showFieldErrors(form, error)
        if (gateRefused(error)) setGateOpen(true)
      },
    })
  })

  const reasonRequired = form.values.status === 'lost' || form.values.status === 'abandoned' || form.values.override_gate
  return (
    <Modal opened onClose={onClose} title={t('deals.statusDialog.title', { name: deal.name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Radio.Group label={t('deals.statusDialog.newStatus')} required {...form.getInputProps('status')}>
            <Stack gap="xs" mt="xs">
              {options.map((status) => (
                <Radio key={status} value={status} label={t(`deals.statusDialog.to.${status}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('deals.statusDialog.reason')}
            description={reasonRequired ? undefined : t('deals.statusDialog.reasonOptional')}
            required={reasonRequired}
            rows={3}
            maxLength={LIMITS.reason}
            {...form.getInputProps('status_reason')}
          />
          {canOverride && (
            <Checkbox
              label={t('deals.statusDialog.override')}
              description={t('deals.statusDialog.overrideHint')}
              {...form.getInputProps('override_gate', { type: 'checkbox' })}
            />
          )}
          <ErrorAlert error={update.error} onReload={reload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('deals.statusDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
