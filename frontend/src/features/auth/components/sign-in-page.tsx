import { Container, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { LanguageSwitch } from '../../../components/language-switch'
import { safeNextPath } from '../next-path'
import { SignInForm } from './sign-in-form'

/** `/sign-in`: the only page open without a session; afterwards it goes to `next` or the board. */
export function SignInPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const next = safeNextPath(params.get('next'))

  return (
    <Container size={420} py={80}>
      <Group justify="space-between" mb="lg">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Paper withBorder p="xl">
        <Stack gap={4} mb="lg">
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('signIn.description')}
          </Text>
        </Stack>
        <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      </Paper>
    </Container>
  )
}
