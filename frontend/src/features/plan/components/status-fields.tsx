import { Select, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { MILESTONE_STATUSES } from '../api/types'
import type { MilestoneValues } from '../milestone-form'
import { LIMITS } from '../../../lib/limits'

/**
 * A milestone's status with what each status needs: blocked asks why, done asks when
 * (today by default, never later).
 */
export function StatusFields({ form, today }: { form: UseFormReturnType<MilestoneValues>; today: string }) {
  const { t } = useTranslation()
  const status = form.values.status
  return (
    <>
      <Select
        label={t('plan.fields.status')}
        data={MILESTONE_STATUSES.map((value) => ({ value, label: t(`plan.status.${value}`) }))}
        allowDeselect={false}
        {...form.getInputProps('status')}
      />
      {status === 'blocked' && <Textarea label={t('plan.fields.statusReason')} required rows={2} maxLength={LIMITS.reason} {...form.getInputProps('status_reason')} />}
      {status === 'done' && <TextInput type="date" min={LIMITS.dateMin} label={t('plan.fields.completedOn')} required max={today} {...form.getInputProps('completed_on')} />}
    </>
  )
}
