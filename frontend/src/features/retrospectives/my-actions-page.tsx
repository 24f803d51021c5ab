import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header'

/** `/actions`: the signed-in user's open action items across deals (placeholder). */
export function MyActionsPage() {
  const { t } = useTranslation()
  return <PageHeader title={t('retrospectives.myActions')} description={t('retrospectives.myActionsDescription')} />
}
