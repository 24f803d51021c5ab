import { Button, Center, Group, Loader, Select, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { CURRENCIES } from '../../../lib/money'
import { useReloadSettings, useSettings, useUpdateSettings, type Settings, type SettingsChanges } from '../api/settings'

/** The twelve months' names in the UI language, value "1"–"12". */
export function monthOptions(language: string): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: format.format(new Date(Date.UTC(2000, i, 1))) }))
}

/** `/admin/settings`: the reporting currency and the fiscal year start month (admins). */
export function SettingsPage() {
  const { t } = useTranslation()
  const settings = useSettings()
  return (
    <Stack maw={480}>
      <Text size="sm" c="dimmed">{t('reportingSettings.description')}</Text>
      <ErrorAlert error={settings.error} />
      {settings.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {settings.data && <SettingsForm settings={settings.data} />}
    </Stack>
  )
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation()
  const update = useUpdateSettings()
  const reload = useReloadSettings()
  const [saved, setSaved] = useState(false)
  const form = useForm({
    initialValues: { reporting_currency: settings.reporting_currency, fiscal_year_start_month: String(settings.fiscal_year_start_month) },
  })

  const currencies = CURRENCIES.includes(settings.reporting_currency as (typeof CURRENCIES)[number])
    ? [...CURRENCIES]
    : [settings.reporting_currency, ...CURRENCIES]

  const submit = form.onSubmit((values) => {
    setSaved(false)
    const changes: SettingsChanges = {}
    if (values.reporting_currency !== settings.reporting_currency) changes.reporting_currency = values.reporting_currency
    const month = Number(values.fiscal_year_start_month)
    if (month !== settings.fiscal_year_start_month) changes.fiscal_year_start_month = month
    update.mutate(
      { settings, changes },
      { onSuccess: () => setSaved(true), onError: (error) => showFieldErrors(form, error) },
    )
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('reportingSettings.reportingCurrency')}
          description={t('reportingSettings.reportingCurrencyHelp')}
          data={currencies}
          allowDeselect={false}
          searchable
          {...form.getInputProps('reporting_currency')}
        />
        <Select
          label={t('reportingSettings.fiscalStart')}
          description={t('reportingSettings.fiscalStartHelp')}
          data={monthOptions(i18n.language)}
          allowDeselect={false}
          {...form.getInputProps('fiscal_year_start_month')}
        />
        <ErrorAlert error={update.error} onReload={() => void reload().then(() => update.reset())} />
        {saved && !update.error && <Text size="sm" c="teal" role="status">{t('reportingSettings.saved')}</Text>}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
