import { Button, Menu, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSignedIn } from '../../../lib/session'
import { useLogout } from '../api/logout'

/** The header's account menu: who is signed in and as what, their profile and tokens, sign out. */
export function UserMenu() {
  const { t } = useTranslation()
  const { user } = useSignedIn()
  const logout = useLogout()

  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="subtle" color="gray" h="auto" py={4} px={{ base: 6, sm: 'sm' }} maw={{ base: 130, sm: 260 }}>
          <Stack gap={0} align="flex-end" miw={0}>
            <Text size="sm" fw={600} lh={1.3} truncate="end" maw="100%">
              {user.name}
            </Text>
            {/* A phone's header has no room for the role; the menu still names the account. */}
            <Text size="xs" c="dimmed" lh={1.3} visibleFrom="sm">
              {t(`roles.${user.role}`)}
            </Text>
          </Stack>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/profile/tokens">
          {t('userMenu.tokens')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
