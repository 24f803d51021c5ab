import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../components/page-header'
import { CreateTokenForm } from './create-token-form'
import { TokensTable } from './tokens-table'

/** `/profile/tokens`: the signed-in user's API tokens — create (shown once) and revoke. */
export function TokensPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <Stack maw={800} gap="xl">
        <CreateTokenForm />
        <TokensTable />
      </Stack>
    </>
  )
}
