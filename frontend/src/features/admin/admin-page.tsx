import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header'

/** Administration; for now it says what it will hold. */
export function AdminPage() {
  const { t } = useTranslation()
  return <PageHeader title={t('admin.title')} description={t('admin.description')} />
}
