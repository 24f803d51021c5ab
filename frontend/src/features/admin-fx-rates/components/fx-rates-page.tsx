import { ActionIcon, Alert, Button, Center, Group, Loader, Select, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorAlert } from '../../../components/error-alert'
import { LoadMoreButton } from '../../../components/load-more-button'
import { CURRENCIES } from '../../../lib/money'
import { isPeriod } from '../../../lib/periods'
import { usePermission } from '../../../lib/session'
import { useSettings } from '../../../lib/settings'
import { PeriodSelect, usePeriodLabel } from '../../../components/period-select'
import { useDeleteFxRate, useFxRates, useReloadFxRates, type FxRate } from '../api/fx-rates'
import { FxRateFormModal } from './fx-rate-form-modal'

type Dialog = { kind: 'create' } | { kind: 'edit' | 'delete'; rate: FxRate } | null

/** `/admin/fx-rates?period=&currency=`: the FX table, paged and filtered, with add, edit and delete. */
export function FxRatesPage() {
  const { t, i18n } = useTranslation()
  const periodLabel = usePeriodLabel()
  const canWrite = usePermission('fx_rates:write')
  const settings = useSettings()
  const reporting = settings.data?.reporting_currency ?? 'CNY'
  const [params, setParams] = useSearchParams()
  const period = isPeriod(params.get('period')) ? params.get('period')! : undefined
  const currency = params.get('currency') || undefined
  const rates = useFxRates({ period, currency })
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  const items = rates.data?.pages.flatMap((page) => page.items)
  const current = (rate: FxRate) => items?.find((item) => item.id === rate.id) ?? rate
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 10 })

  const setFilter = (name: 'period' | 'currency', value: string | null) => {
    const next = new URLSearchParams(params)
    if (value) next.set(name, value)
    else next.delete(name)
    setParams(next, { replace: true })
  }

  return (
    <Stack>
      <Alert variant="light" color="blue" title={t('fxRates.reporting', { currency: reporting })}>
        {t('fxRates.description', { reporting })}
      </Alert>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <PeriodSelect label={t('fxRates.filterPeriod')} placeholder={t('fxRates.all')} value={period ?? null} onChange={(value) => setFilter('period', value)} clearable w={200} />
          <Select
            label={t('fxRates.filterCurrency')}
            placeholder={t('fxRates.all')}
            data={CURRENCIES.filter((code) => code !== reporting)}
            value={currency ?? null}
            onChange={(value) => setFilter('currency', value)}
            clearable
            w={140}
          />
        </Group>
        {canWrite && <Button onClick={() => setDialog({ kind: 'create' })}>{t('fxRates.new')}</Button>}
      </Group>
      <ErrorAlert error={rates.error} />
      {rates.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {items?.length === 0 && <Text c="dimmed">{t('fxRates.empty')}</Text>}
      {items && items.length > 0 && (
        <Table striped aria-label={t('fxRates.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fxRates.period')}</Table.Th>
              <Table.Th>{t('fxRates.currency')}</Table.Th>
              <Table.Th ta="right">{t('fxRates.rate')}</Table.Th>
              {canWrite && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((rate) => {
              const names = { currency: rate.currency, period: periodLabel(rate.period) }
              return (
                <Table.Tr key={rate.id}>
                  <Table.Td>{periodLabel(rate.period)}</Table.Td>
                  <Table.Td>{rate.currency}</Table.Td>
                  <Table.Td ta="right">{t('fxRates.rateValue', { currency: rate.currency, rate: number.format(rate.rate), reporting })}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('fxRates.edit', names)}>
                          <ActionIcon variant="subtle" aria-label={t('fxRates.edit', names)} onClick={() => setDialog({ kind: 'edit', rate })}>
                            ✎
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('fxRates.delete', names)}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('fxRates.delete', names)} onClick={() => setDialog({ kind: 'delete', rate })}>
                            ×
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <LoadMoreButton query={rates} />

      {dialog?.kind === 'create' && <FxRateFormModal reporting={reporting} defaultPeriod={period} onClose={close} />}
      {dialog?.kind === 'edit' && <FxRateFormModal reporting={reporting} rate={current(dialog.rate)} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteFxRateDialog rate={current(dialog.rate)} label={periodLabel(dialog.rate.period)} onClose={close} />}
    </Stack>
  )
}

function DeleteFxRateDialog({ rate, label, onClose }: { rate: FxRate; label: string; onClose: () => void }) {
  const { t } = useTranslation()
  const remove = useDeleteFxRate()
  const reload = useReloadFxRates()
  return (
    <ConfirmDialog
      opened
      title={t('fxRates.deleteTitle')}
      message={t('fxRates.deleteMessage', { currency: rate.currency, period: label })}
      confirmLabel={t('fxRates.deleteConfirm')}
      pending={remove.isPending}
      error={remove.error}
      onReload={() => void reload().then(() => remove.reset())}
      onClose={onClose}
      onConfirm={() => remove.mutate(rate, { onSuccess: onClose })}
    />
  )
}
