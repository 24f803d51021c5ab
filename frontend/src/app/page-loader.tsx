import { Center, Loader } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Where a page will be while its code loads (the first page opened after the app starts). */
export function PageLoader() {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status" aria-label={t('app.loadingPage')}>
      <Loader />
    </Center>
  )
}
