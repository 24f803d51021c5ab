import { Button, Container, Stack } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'
import { PageHeader } from '../components/page-header'

/**
 * Whether `error` is a page's code that did not arrive: the chunk a lazy route or component asked
 * for is gone (a deploy since this tab loaded the app) or the connection dropped. Browsers word it
 * differently; Vite's preload helper adds its own for the chunk's style sheet.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return /dynamically imported module|importing a module script failed|unable to preload css/i.test(error.message)
}

/** Replaces React Router's developer error screen when a page throws while rendering or its code fails to load. */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()
  // The user sees a plain message; the details belong in the console.
  useEffect(() => console.error(error), [error])
  const outdated = isChunkLoadError(error)
  return (
    <Container py="xl">
      <Stack align="flex-start">
        <PageHeader
          title={outdated ? t('routeError.outdatedTitle') : t('routeError.title')}
          description={outdated ? t('routeError.outdated') : t('routeError.description')}
        />
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </Stack>
    </Container>
  )
}
