import { Group, NumberInput, Select, type NumberInputProps, type SelectProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { maxAmount } from '../../../lib/limits'
import { CURRENCIES, currencyDigits } from '../../../lib/money'

/**
 * The amount in major units (yuan, dollars) with its currency beside it; the form turns it into
 * minor units for the API. The decimals allowed follow the currency (none for JPY).
 */
export function AmountFields({
  amount,
  currency,
}: {
  amount: Omit<NumberInputProps, 'label'>
  currency: Omit<SelectProps, 'label' | 'data'> & { value?: string | null }
}) {
  const { t } = useTranslation()
  const code = currency.value ?? 'CNY'
  const options = CURRENCIES.includes(code as (typeof CURRENCIES)[number]) ? [...CURRENCIES] : [code, ...CURRENCIES]
  return (
    <Group grow align="flex-end" wrap="nowrap">
      <NumberInput
        label={t('deals.fields.amount')}
        description={t('deals.form.amountHint')}
        required
        min={0}
        max={maxAmount(currencyDigits(code))}
        allowNegative={false}
        decimalScale={currencyDigits(code)}
        thousandSeparator=","
        hideControls
        {...amount}
      />
      <Select label={t('deals.fields.currency')} required data={options} allowDeselect={false} maw={120} {...currency} />
    </Group>
  )
}
