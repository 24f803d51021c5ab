import { Button, Center, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation } from 'react-router'
import { SignedInContext, useSession } from '../../../lib/session'
import { signInPath } from '../next-path'

/**
 * The route guard: asks `GET /me` once, then shows the pages below it only to a signed-in user.
 * Anyone else, and anyone whose session ends later (a 401 anywhere), goes to sign in and comes back.
 */
export function RequireSession() {
  const { t } = useTranslation()
  const session = useSession()
  const location = useLocation()

  if (session.isPending) {
    return (
      <Center h="100vh" role="status" aria-label={t('session.checking')}>
        <Loader />
      </Center>
    )
  }
  if (session.isError) {
    return (
      <Center h="100vh">
        <Stack align="center" role="alert">
          <Text>{t('session.failed')}</Text>
          <Button onClick={() => void session.refetch()}>{t('session.retry')}</Button>
        </Stack>
      </Center>
    )
  }
  if (!session.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />
  return (
    <SignedInContext.Provider value={session.data}>
      <Outlet />
    </SignedInContext.Provider>
  )
}
