import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/page-header'

/** What a signed-in user sees on an administration page their permissions do not cover. */
export function AccessDeniedPage() {
  const { t } = useTranslation()
  return <PageHeader title={t('admin.noAccessTitle')} description={t('admin.noAccess')} />
}
