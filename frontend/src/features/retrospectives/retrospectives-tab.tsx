import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The Retrospectives tab of a deal workspace (placeholder until retrospectives land). */
export function RetrospectivesTab({ dealId, permissions }: { dealId: string; permissions: string[] }) {
  const { t } = useTranslation()
  void dealId
  void permissions
  return <Text>{t('retrospectives.title')}</Text>
}
