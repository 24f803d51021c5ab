import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { validateMilestone, type MilestoneValues } from '../milestone-form'

/** A Mantine form of milestone values, checked by `validateMilestone` with translated messages. */
export function useMilestoneForm(initialValues: MilestoneValues, today: string) {
  const { t } = useTranslation()
  return useForm<MilestoneValues>({
    initialValues,
    validate: (values) =>
      Object.fromEntries(Object.entries(validateMilestone(values, today)).map(([field, key]) => [field, t(key as 'errors.required')])),
  })
}
