import { Button, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { canOnDeal, FORECAST_CATEGORIES, type Deal, type ForecastCategory } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { useFormat } from '../../../lib/format'
import { useReloadDeal, useUpdateDeal, type DealChanges } from '../api/deal-mutations'

const NOTE_MAX = 2000

interface Values {
  forecast_category: ForecastCategory
  /** Percent 0–100; '' for none. */
  manual: number | string
  judgement_note: string
}

/** The judgement fields that differ between the deal and the form, in the API's terms. */
export function judgementChanges(deal: Deal, values: Values): DealChanges {
  const changes: DealChanges = {}
  if (values.forecast_category !== deal.forecast_category) changes.forecast_category = values.forecast_category
  const manual = values.manual === '' ? null : Math.round(Number(values.manual) * 10) / 1000
  if (manual !== deal.manual_probability) changes.manual_probability = manual
  if (values.judgement_note.trim() !== deal.judgement_note) changes.judgement_note = values.judgement_note.trim()
  return changes
}

/**
 * The PMO's judgement beside the model: forecast category, manual probability and note. Those with
 * `deal.judgement:write` edit it (PATCH based on the deal's version; after a 412 the form keeps what
 * was typed and Reload fetches the current deal); everyone else reads it.
 */
export function JudgementEditor({ deal }: { deal: Deal }) {
  const { t } = useTranslation()
  const format = useFormat()
  const update = useUpdateDeal()
  const reload = useReloadDeal(deal.id)
  const [saved, setSaved] = useState(false)
  const canWrite = canOnDeal(deal.permissions, 'deal.judgement:write')
  const form = useForm<Values>({
    initialValues: {
      forecast_category: deal.forecast_category,
      manual: deal.manual_probability === null ? '' : Math.round(deal.manual_probability * 1000) / 10,
      judgement_note: deal.judgement_note,
    },
  })

  const title = <Title order={3} size="h4">{t('confidence.judgement.title')}</Title>
  if (!canWrite) {
    return (
      <Stack gap={4}>
        {title}
        <Text size="sm">
          {t(`confidence.categories.${deal.forecast_category}`)} ·{' '}
          {deal.manual_probability === null ? t('confidence.gap.noManual') : format.percent(deal.manual_probability)}
        </Text>
        <Text size="sm" c={deal.judgement_note ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {deal.judgement_note || t('confidence.judgement.noNote')}
        </Text>
        <Text size="xs" c="dimmed">{t('confidence.judgement.readOnly')}</Text>
      </Stack>
    )
  }

  const submit = form.onSubmit((values) => {
    setSaved(false)
    const changes = judgementChanges(deal, values)
    if (Object.keys(changes).length === 0) return setSaved(true)
    update.mutate(
      { deal, changes },
      { onSuccess: () => setSaved(true), onError: (error) => showFieldErrors(form, error, { manual_probability: 'manual' }) },
    )
  })

  return (
    <form onSubmit={submit} noValidate aria-label={t('confidence.judgement.title')}>
      <Stack gap="sm">
        {title}
        <Group align="flex-start" grow>
          <Select
            label={t('confidence.judgement.category')}
            allowDeselect={false}
            data={FORECAST_CATEGORIES.map((category) => ({ value: category, label: t(`confidence.categories.${category}`) }))}
            {...form.getInputProps('forecast_category')}
          />
          <NumberInput
            label={t('confidence.judgement.manual')}
            description={t('confidence.judgement.manualHint')}
            min={0}
            max={100}
            decimalScale={1}
            clampBehavior="strict"
            {...form.getInputProps('manual')}
          />
        </Group>
        <Textarea label={t('confidence.judgement.note')} rows={3} maxLength={NOTE_MAX} {...form.getInputProps('judgement_note')} />
        <ErrorAlert error={update.error} onReload={reload} />
        <Group justify="flex-end">
          {saved && !update.isPending && <Text size="sm" c="teal" role="status">{t('confidence.judgement.saved')}</Text>}
          <Button type="submit" loading={update.isPending}>{t('confidence.judgement.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
