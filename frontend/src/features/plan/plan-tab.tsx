import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The Plan tab of a deal workspace (placeholder until the plan editor lands). */
export function PlanTab({ dealId, permissions }: { dealId: string; permissions: string[] }) {
  const { t } = useTranslation()
  void dealId
  void permissions
  return <Text>{t('plan.title')}</Text>
}
