import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/page-header'
import { ServerStatusCard } from './components/server-status-card'

/** The deal-confidence board; for now its heading and the server status. */
export function BoardPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('board.title')} description={t('board.description')} />
      <ServerStatusCard />
    </>
  )
}
