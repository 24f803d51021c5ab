import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { showFieldErrors } from '../../../lib/form-errors'
import { currencyDigits, toMajorUnits, toMinorUnits } from '../../../lib/money'
import { useCreateTarget, useReloadTargets, useUpdateTarget, type Target } from '../api/targets'

/**
 * Sets a node's target for a period: POST when it has none, PATCH with If-Match when it has one.
 * `target` is looked up afresh on every render, so after a 412 and a reload the next save is
 * based on the current version while the typed amount stays.
 */
export function TargetFormModal(props: {
  period: string
  periodLabel: string
  teamId: string | null
  name: string
  currency: string
  target: Target | undefined
  onClose: () => void
}) {
  const { t } = useTranslation()
  const create = useCreateTarget()
  const update = useUpdateTarget()
  const reload = useReloadTargets()
  const mutation = props.target ? update : create
  const digits = currencyDigits(props.currency)
  const form = useForm({
    initialValues: { amount: props.target ? String(toMajorUnits(props.target.amount_minor, props.currency)) : '' },
    validate: {
      amount: (value) => (toMinorUnits(value, props.currency) === null ? t('targets.invalidAmount', { digits }) : null),
    },
  })

  const submit = form.onSubmit((values) => {
    const amount_minor = toMinorUnits(values.amount, props.currency)!
    const options = {
      onSuccess: props.onClose,
      onError: (error: Error) => showFieldErrors(form, error, { amount_minor: 'amount' }),
    }
    if (props.target) update.mutate({ target: props.target, amount_minor }, options)
    else create.mutate({ period: props.period, team_id: props.teamId, amount_minor }, options)
  })

  return (
    <Modal opened onClose={props.onClose} title={t('targets.setTitle', { name: props.name, period: props.periodLabel })} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('targets.amount', { currency: props.currency })}
            inputMode="decimal"
            required
            data-autofocus
            {...form.getInputProps('amount')}
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
