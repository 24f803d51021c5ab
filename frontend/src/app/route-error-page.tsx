import { Container } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'
import { PageHeader } from '../components/page-header'

/** Replaces React Router's developer error screen when a page throws while rendering. */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  // The user sees a plain message; the details belong in the console.
  useEffect(() => console.error(error), [error])
  return (
    <Container py="xl">
      <PageHeader title={t('routeError.title')} description={t('routeError.description')} />
    </Container>
  )
}
