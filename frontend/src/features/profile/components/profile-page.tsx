import { Anchor, Card, SimpleGrid, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../../../components/page-header'
import { PasswordForm } from './password-form'
import { ProfileForm } from './profile-form'

/** `/profile`: the signed-in user's details and password. */
export function ProfilePage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} maw={960}>
        <Card withBorder component="section" aria-labelledby="profile-details">
          <Title order={2} size="h4" mb="md" id="profile-details">
            {t('profile.detailsTitle')}
          </Title>
          <ProfileForm />
        </Card>
        <Card withBorder component="section" aria-labelledby="profile-password">
          <Title order={2} size="h4" mb="md" id="profile-password">
            {t('profile.passwordTitle')}
          </Title>
          <PasswordForm />
        </Card>
      </SimpleGrid>
      <Anchor component={Link} to="/profile/tokens" mt="lg" display="inline-block">
        {t('userMenu.tokens')}
      </Anchor>
    </>
  )
}
