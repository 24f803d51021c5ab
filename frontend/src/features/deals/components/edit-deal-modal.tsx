import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import type { Deal } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { toMajorUnits, toMinorUnits } from '../../../lib/money'
import { useReloadDeal, useUpdateDeal, type DealChanges } from '../api/deal-mutations'
import { AmountFields } from './amount-fields'
import { CustomerSelect } from './customer-select'
import { TeamSelect } from './team-select'
import { LIMITS } from '../../../lib/limits'

interface Values {
  name: string
  customer_id: string | null
  team_id: string | null
  amount: number | string
  currency: string
  target_close_date: string
}

/** What changed between the deal and the form, in the API's terms; empty when nothing did. */
export function dealChanges(deal: Deal, values: Values): DealChanges {
  const changes: DealChanges = {}
  if (values.name.trim() !== deal.name) changes.name = values.name.trim()
  if (values.customer_id && values.customer_id !== deal.customer_id) changes.customer_id = values.customer_id
  if (values.team_id && values.team_id !== deal.team_id) changes.team_id = values.team_id
  const amount = toMinorUnits(values.amount, values.currency)
  if (amount !== null && amount !== deal.amount_minor) changes.amount_minor = amount
  if (values.currency !== deal.currency) changes.currency = values.currency
  if (values.target_close_date !== deal.target_close_date) changes.target_close_date = values.target_close_date
  return changes
}

/**
 * Edits a deal's name, customer, team, amount and close date, sending only what changed with the
 * deal's version. On a 412 "Reload" fetches the current deal while the form keeps what was typed.
 */
export function EditDealModal({ deal, onClose }: { deal: Deal; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateDeal()
  const reload = useReloadDeal(deal.id)
  const required = (value: string | null) => (value?.trim() ? null : t('errors.required'))
  const form = useForm<Values>({
    initialValues: {
      name: deal.name,
      customer_id: deal.customer_id,
      team_id: deal.team_id,
      amount: toMajorUnits(deal.amount_minor, deal.currency),
      currency: deal.currency,
      target_close_date: deal.target_close_date,
    },
    validate: {
      name: required,
      customer_id: required,
      team_id: required,
      amount: (value, values) => (toMinorUnits(value, values.currency) === null ? t('deals.form.amountInvalid') : null),
      target_close_date: required,
    },
  })

  const submit = form.onSubmit((values) => {
    const changes = dealChanges(deal, values)
    if (Object.keys(changes).length === 0) return onClose()
    update.mutate({ deal, changes }, { onSuccess: onClose, onError: (error) => showFieldErrors(form, error, { amount_minor: 'amount' }) })
  })

  return (
    <Modal opened onClose={onClose} title={t('deals.editTitle', { name: deal.name })} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('deals.fields.name')} required data-autofocus maxLength={LIMITS.title} {...form.getInputProps('name')} />
          <CustomerSelect label={t('deals.fields.customer')} required {...form.getInputProps('customer_id')} />
          <TeamSelect label={t('deals.fields.team')} required mineFirst {...form.getInputProps('team_id')} />
          <AmountFields amount={form.getInputProps('amount')} currency={form.getInputProps('currency')} />
          <TextInput label={t('deals.fields.targetCloseDate')} type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} required {...form.getInputProps('target_close_date')} />
          <ErrorAlert error={update.error} onReload={reload} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
