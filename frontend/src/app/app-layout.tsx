import { AppShell, Burger, Group, Loader, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigation } from 'react-router'
import { LanguageSwitch } from '../components/language-switch'
import { NavItem } from '../components/nav-item'
import { MAIN_CONTENT_ID, SkipLink, skipTargetClass } from '../components/skip-link'
import { UserMenu } from '../features/auth/components/user-menu'
import { useSaveLanguage } from '../features/profile/api/update-me'
import { useSignedIn } from '../lib/session'
import { allowedAdminSections } from './admin-sections'

/** The frame around every signed-in page: product, language and account in the header, sections on the side. */
export function AppLayout() {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure()
  const { pathname } = useLocation()
  const saveLanguage = useSaveLanguage()
  const showAdmin = allowedAdminSections(useSignedIn()).length > 0
  // A page opened for the first time fetches its code; the old page stays until it is in.
  const loadingPage = useNavigation().state === 'loading'

  // On a phone the navigation covers the page, so close it once a link has been followed.
  useEffect(close, [pathname, close])

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        {/* On a phone (390 px) everything must fit: tighter gaps, and the account shows only the name. */}
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openNavigation')} />
            <Title order={3} component="p">
              {t('app.name')}
            </Title>
            {loadingPage && <Loader size="xs" role="status" aria-label={t('app.loadingPage')} />}
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0}>
            <LanguageSwitch onChange={saveLanguage} />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('app.mainNavigation')}>
        <NavItem to="/board" label={t('nav.board')} />
        <NavItem to="/deals" label={t('nav.deals')} />
        <NavItem to="/actions" label={t('nav.myActions')} />
        {showAdmin && <NavItem to="/admin" label={t('nav.admin')} />}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1} className={skipTargetClass}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  )
}
