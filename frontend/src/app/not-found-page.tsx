import { Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../components/page-header'

/** Shown for any client route that does not exist. */
export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('notFound.title')} description={t('notFound.description')} />
      <Anchor component={Link} to="/board">
        {t('notFound.home')}
      </Anchor>
    </>
  )
}
