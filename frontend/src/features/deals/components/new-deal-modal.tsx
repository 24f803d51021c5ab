import { Anchor, Button, Group, Input, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { SEGMENTS, type Segment } from '../../../lib/deals'
import { showFieldErrors } from '../../../lib/form-errors'
import { toMinorUnits } from '../../../lib/money'
import { useSignedIn } from '../../../lib/session'
import { useCreateCustomer } from '../api/customers'
import { useCreateDeal } from '../api/deal-mutations'
import { useTemplates } from '../api/templates'
import { AmountFields } from './amount-fields'
import { CustomerSelect } from './customer-select'
import { NewCustomerFields } from './new-customer-fields'
import { NewDealTargetWarning } from './new-deal-target-warning'
import {
  emptyNewDeal,
  NEW_CUSTOMER_FIELD_NAMES,
  NEW_DEAL_FIELD_NAMES,
  toNewCustomer,
  toNewDeal,
  type NewDealValues,
} from './new-deal-form-values'
import { TeamSelect } from './team-select'
import { firstTemplateOf, TemplateSelect } from './template-select'
import { LIMITS } from '../../../lib/limits'

/** The "New deal" dialog; the form starts afresh each time it opens. */
export function NewDealModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.createTitle')} size="lg" centered>
      <NewDealForm onCancel={onClose} />
    </Modal>
  )
}

/** Creates a deal (and, when asked, its customer first), then opens its workspace. */
export function NewDealForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useSignedIn().user
  const templates = useTemplates()
  const createCustomer = useCreateCustomer()
  const create = useCreateDeal()
  const required = (value: string | null) => (value?.trim() ? null : t('errors.required'))
  const form = useForm<NewDealValues>({
    initialValues: emptyNewDeal(me.team_ids[0] ?? null),
    validate: {
      name: required,
      customer_id: (value, values) => (values.customer_mode === 'existing' ? required(value) : null),
      new_customer: { name: (value, values) => (values.customer_mode === 'new' ? required(value) : null) },
      team_id: required,
      amount: (value, values) => (toMinorUnits(value, values.currency) === null ? t('deals.form.amountInvalid') : null),
      target_close_date: required,
    },
  })
  // The segment's built-in template is the usual start; picked once the templates arrive.
  const { setFieldValue, getValues } = form
  useEffect(() => {
    const values = getValues()
    if (templates.data && values.template_id === null) setFieldValue('template_id', firstTemplateOf(templates.data, values.segment))
  }, [templates.data, setFieldValue, getValues])

  const submit = form.onSubmit(async (values) => {
    let customerId = values.customer_id ?? ''
    if (values.customer_mode === 'new') {
      try {
        customerId = (await createCustomer.mutateAsync(toNewCustomer(values))).id
      } catch (error) {
        showFieldErrors(form, error, NEW_CUSTOMER_FIELD_NAMES)
        // 409: a customer of that kind has this name already; pick it instead.
        if (error instanceof ApiError && error.status === 409) form.setFieldError('new_customer.name', error.message)
        return
      }
      // Should the deal fail, trying again must not make the customer twice.
      form.setValues({ customer_mode: 'existing', customer_id: customerId })
    }
    create.mutate(toNewDeal(values, customerId), {
      onSuccess: (deal) => void navigate(`/deals/${deal.id}`),
      onError: (error) => showFieldErrors(form, error, NEW_DEAL_FIELD_NAMES),
    })
  })

  const changeSegment = (segment: Segment) => {
    form.setFieldValue('segment', segment)
    form.setFieldValue('template_id', firstTemplateOf(templates.data, segment))
  }
  const newCustomer = form.values.customer_mode === 'new'

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('deals.fields.name')} required data-autofocus maxLength={LIMITS.title} {...form.getInputProps('name')} />
        {newCustomer ? (
          <NewCustomerFields
            name={form.getInputProps('new_customer.name')}
            kind={form.getInputProps('new_customer.kind')}
            region={form.getInputProps('new_customer.region')}
            industry={form.getInputProps('new_customer.industry')}
          />
        ) : (
          <CustomerSelect label={t('deals.fields.customer')} placeholder={t('deals.customer.search')} required {...form.getInputProps('customer_id')} />
        )}
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => form.setFieldValue('customer_mode', newCustomer ? 'existing' : 'new')}>
          {newCustomer ? t('deals.customer.pickExisting') : t('deals.customer.createNew')}
        </Anchor>
        <Input.Wrapper label={t('deals.fields.segment')} required>
          <SegmentedControl
            display="flex"
            aria-label={t('deals.fields.segment')}
            data={SEGMENTS.map((segment) => ({ value: segment, label: t(`deals.segment.${segment}`) }))}
            value={form.values.segment}
            onChange={(value) => changeSegment(value as Segment)}
          />
        </Input.Wrapper>
        <TeamSelect label={t('deals.fields.team')} required mineFirst {...form.getInputProps('team_id')} />
        <AmountFields amount={form.getInputProps('amount')} currency={form.getInputProps('currency')} />
        <TextInput label={t('deals.fields.targetCloseDate')} type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} required {...form.getInputProps('target_close_date')} />
        <Group grow align="flex-start">
          <TemplateSelect segment={form.values.segment} {...form.getInputProps('template_id')} />
          <TextInput
            label={t('deals.form.startDate')}
            title={t('deals.form.startDateHint')}
            type="date" max={LIMITS.dateMax} min={LIMITS.dateMin}
            disabled={!form.values.template_id}
            {...form.getInputProps('start_date')}
          />
        </Group>
        <NewDealTargetWarning templateId={form.values.template_id} startDate={form.values.start_date} targetClose={form.values.target_close_date}
          onTargetClose={(date) => form.setFieldValue('target_close_date', date)} onStartDate={(date) => form.setFieldValue('start_date', date)} />
        <ErrorAlert error={createCustomer.error ?? create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={createCustomer.isPending || create.isPending}>
            {t('deals.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
