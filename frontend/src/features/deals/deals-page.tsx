import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header'

/** The deals list; for now it says what it will hold. */
export function DealsPage() {
  const { t } = useTranslation()
  return <PageHeader title={t('deals.title')} description={t('deals.description')} />
}
