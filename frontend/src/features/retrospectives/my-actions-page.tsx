import { Anchor, Badge, Button, Center, Group, Loader, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/error-alert'
import { PageHeader } from '../../components/page-header'
import { useFormat } from '../../lib/format'
import { useSetActionStatus } from './api/review-mutations'
import { useMyActions } from './api/review-queries'

/** `/actions`: the signed-in user's open action items across deals, soonest due first, each marked done here. */
export function MyActionsPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const actions = useMyActions()
  const complete = useSetActionStatus()
  const pendingId = complete.isPending ? complete.variables.action.id : undefined
  const items = actions.data ?? []

  return (
    <>
      <PageHeader title={t('retrospectives.myActions')} description={t('retrospectives.myActionsDescription')} />
      <ErrorAlert error={complete.error} onReload={() => { complete.reset(); void actions.refetch() }} />
      <ErrorAlert error={actions.error} />
      {actions.isPending && <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>}
      {actions.isSuccess && items.length === 0 && <Text c="dimmed">{t('retrospectives.myActionsPage.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('retrospectives.myActions')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retrospectives.actions.action')}</Table.Th>
                <Table.Th>{t('retrospectives.myActionsPage.deal')}</Table.Th>
                <Table.Th>{t('retrospectives.actions.due')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((action) => (
                <Table.Tr key={action.id}>
                  <Table.Td>{action.title}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/deals/${encodeURIComponent(action.deal_id)}/retrospectives`}>{action.deal_name}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c={action.overdue ? 'red.7' : undefined} fw={action.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>{format.date(action.due_on)}</Text>
                      {action.overdue && <Badge color="red" size="xs" style={{ flexShrink: 0, minWidth: 'max-content' }}>{t('retrospectives.actions.overdue')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('retrospectives.actions.markDone', { title: action.title })}
                      loading={pendingId === action.id}
                      disabled={pendingId !== undefined && pendingId !== action.id}
                      onClick={() => complete.mutate({ action, status: 'done' })}
                    >
                      {t('retrospectives.myActionsPage.done')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  )
}
