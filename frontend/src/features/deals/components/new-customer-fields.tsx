import { Fieldset, Group, Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CUSTOMER_KINDS } from '../api/customers'
import { LIMITS } from '../../../lib/limits'

/** A customer made on the spot inside the new-deal form: name, kind, region and industry. */
export function NewCustomerFields(props: {
  name: TextInputProps
  kind: Omit<SelectProps, 'data'>
  region: TextInputProps
  industry: TextInputProps
}) {
  const { t } = useTranslation()
  return (
    <Fieldset legend={t('deals.customer.newLegend')} variant="filled">
      <TextInput label={t('deals.customer.name')} required maxLength={LIMITS.name} {...props.name} />
      <Select
        label={t('deals.customer.kind')}
        required
        allowDeselect={false}
        mt="xs"
        data={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`deals.customer.kinds.${kind}`) }))}
        {...props.kind}
      />
      <Group grow mt="xs">
        <TextInput label={t('deals.customer.region')} maxLength={LIMITS.label} {...props.region} />
        <TextInput label={t('deals.customer.industry')} maxLength={LIMITS.label} {...props.industry} />
      </Group>
    </Fieldset>
  )
}
