import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { CURRENCIES } from '../../../lib/money'
import { PeriodSelect, usePeriodLabel } from '../../../components/period-select'
import { useCreateFxRate, useReloadFxRates, useUpdateFxRate, type FxRate } from '../api/fx-rates'

const RATE_PATTERN = /^\d+(\.\d{1,10})?$/
const MAX_RATE = 1_000_000

/** The typed rate as a number, or null when it is not above 0, at most 1000000, ≤ 10 decimals. */
export function parseRate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.')
  if (!RATE_PATTERN.test(trimmed)) return null
  const value = Number(trimmed)
  return value > 0 && value <= MAX_RATE ? value : null
}

/** Adds an FX rate, or edits one (PATCH with If-Match, only the fields that changed). */
export function FxRateFormModal(props: { reporting: string; rate?: FxRate; defaultPeriod?: string; onClose: () => void }) {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  const create = useCreateFxRate()
  const update = useUpdateFxRate()
  const reload = useReloadFxRates()
  const mutation = props.rate ? update : create
  const form = useForm({
    initialValues: {
      period: props.rate?.period ?? props.defaultPeriod ?? '',
      currency: props.rate?.currency ?? '',
      rate: props.rate ? String(props.rate.rate) : '',
    },
    validate: {
      period: (value) => (value ? null : t('errors.required')),
      currency: (value) => (value ? null : t('errors.required')),
      rate: (value) => (parseRate(value) === null ? t('fxRates.invalidRate') : null),
    },
  })

  const submit = form.onSubmit((values) => {
    const rate = parseRate(values.rate)!
    const options = { onSuccess: props.onClose, onError: (error: Error) => showFieldErrors(form, error) }
    if (!props.rate) return create.mutate({ period: values.period, currency: values.currency, rate }, options)
    const changes: { period?: string; currency?: string; rate?: number } = {}
    if (values.period !== props.rate.period) changes.period = values.period
    if (values.currency !== props.rate.currency) changes.currency = values.currency
    if (rate !== props.rate.rate) changes.rate = rate
    update.mutate({ rate: props.rate, changes }, options)
  })

  const title = props.rate
    ? t('fxRates.editTitle', { currency: props.rate.currency, period: periodLabel(props.rate.period) })
    : t('fxRates.createTitle')
  const currency = form.values.currency || '…'
  return (
    <Modal opened onClose={props.onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PeriodSelect label={t('fxRates.period')} required allowDeselect={false} {...form.getInputProps('period')} />
          <Select
            label={t('fxRates.currency')}
            required
            searchable
            allowDeselect={false}
            data={CURRENCIES.filter((code) => code !== props.reporting)}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t('fxRates.rate')}
            description={t('fxRates.rateHelp', { reporting: props.reporting, currency })}
            inputMode="decimal"
            required
            {...form.getInputProps('rate')}
          />
          <ErrorAlert error={mutation.error} onReload={() => void reload().then(() => mutation.reset())} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
