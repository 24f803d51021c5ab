import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The Stakeholders tab of a deal workspace (placeholder until the stakeholder map lands). */
export function StakeholdersTab({ dealId, customerId, permissions }: { dealId: string; customerId: string; permissions: string[] }) {
  const { t } = useTranslation()
  void dealId
  void customerId
  void permissions
  return <Text>{t('stakeholders.title')}</Text>
}
