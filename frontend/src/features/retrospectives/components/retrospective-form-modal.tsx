import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { ApiError } from '../../../lib/api-client'
import { useHoldRetrospective, useReplaceRetrospective } from '../api/review-mutations'
import { OUTCOMES, type Retrospective } from '../api/types'
import { emptyValues, formPath, FREE_STANDING, toInput, toValues, validateRetrospective, type RetrospectiveValues } from '../retrospective-form'
import { ActionItemsFields } from './action-items-fields'
import type { ReviewNames } from './use-review-names'
import { LIMITS } from '../../../lib/limits'

/** Props of the hold / edit dialog; `retrospective` is the current saved one when editing. */
export interface RetrospectiveFormModalProps {
  dealId: string
  retrospective?: Retrospective
  names: ReviewNames
  today: string
  onClose: () => void
  /** Fetches the retrospectives again after a 412; what was typed stays. */
  onReload: () => void
}

/**
 * Holds a retrospective (`POST`) or replaces one (`PUT` with its version, actions keeping their
 * ids). Server field errors land under their inputs, `actions[1].due_on` under the second row's
 * due date; on a 412 the typed values stay and saving again is based on the reloaded version.
 */
export function RetrospectiveFormModal({ dealId, retrospective, names, today, onClose, onReload }: RetrospectiveFormModalProps) {
  const { t } = useTranslation()
  const hold = useHoldRetrospective(dealId)
  const replace = useReplaceRetrospective(dealId)
  const mutation = retrospective ? replace : hold
  const form = useForm<RetrospectiveValues>({
    initialValues: retrospective ? toValues(retrospective) : emptyValues(today),
    validate: (values) => Object.fromEntries(Object.entries(validateRetrospective(values)).map(([path, key]) => [path, t(key as 'errors.required')])),
  })

  const showServerFields = (error: unknown) => {
    if (!(error instanceof ApiError)) return
    form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [formPath(field), message])))
  }
  const submit = form.onSubmit((values) => {
    const options = { onSuccess: onClose, onError: showServerFields }
    if (retrospective) replace.mutate({ id: retrospective.id, version: retrospective.version, input: toInput(values) }, options)
    else hold.mutate(toInput(values), options)
  })
  const fieldErrors = mutation.error instanceof ApiError && Object.keys(mutation.error.fields).length > 0

  const milestoneData = [
    { value: FREE_STANDING, label: t('retrospectives.freeStanding') },
    ...names.milestones.map((m) => {
      const name = `${m.sequence}. ${names.label(m)}`
      return { value: m.id, label: m.gate ? t('retrospectives.fields.gateMark', { name }) : name }
    }),
  ]
  return (
    <Modal opened onClose={onClose} size="xl" title={t(retrospective ? 'retrospectives.form.editTitle' : 'retrospectives.hold')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label={t('retrospectives.fields.milestone')} data={milestoneData} searchable allowDeselect={false} {...form.getInputProps('milestone_id')} />
            <TextInput type="date" max={LIMITS.dateMax} min={LIMITS.dateMin} label={t('retrospectives.fields.heldOn')} required {...form.getInputProps('held_on')} />
            <Select
              label={t('retrospectives.fields.outcome')}
              data={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`retrospectives.outcomes.${outcome}`) }))}
              allowDeselect={false}
              {...form.getInputProps('outcome')}
            />
          </SimpleGrid>
          <Textarea label={t('retrospectives.fields.planned')} rows={2} maxLength={LIMITS.text} {...form.getInputProps('planned')} />
          <Textarea label={t('retrospectives.fields.happened')} required rows={2} maxLength={LIMITS.text} {...form.getInputProps('happened')} />
          <Textarea label={t('retrospectives.fields.gapCause')} rows={2} maxLength={LIMITS.text} {...form.getInputProps('gap_cause')} />
          <Textarea label={t('retrospectives.fields.next')} rows={2} maxLength={LIMITS.text} {...form.getInputProps('next')} />
          <ActionItemsFields form={form} users={names.users} />
          {!fieldErrors && <ErrorAlert error={mutation.error} onReload={() => { mutation.reset(); onReload() }} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={mutation.isPending}>
              {retrospective ? t('common.save') : t('retrospectives.form.submitHold')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
