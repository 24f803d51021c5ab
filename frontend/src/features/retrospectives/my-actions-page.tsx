import { Anchor, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMoreButton } from '../../components/load-more-button'
import { PageHeader } from '../../components/page-header'
import { useFormat } from '../../lib/format'
import { notifySaved } from '../../lib/notify'
import { useToggleMyAction } from './api/review-mutations'
import { useMyActions } from './api/review-queries'
import type { ActionStatus, MyAction } from './api/types'
import { groupByDeal } from './my-actions'

/** What changed on this visit: an action marked done here keeps its row (with Undo) until the list reloads. */
type Changed = Record<string, { status: ActionStatus; version: number }>

/**
 * `/actions`: what the signed-in user owns on open deals — retrospective actions and the next
 * steps with their stakeholders — grouped by deal, overdue first, the people the power map
 * flags marked. An action is marked done here, and can be reopened at once.
 */
export function MyActionsPage() {
  const { t } = useTranslation()
  const actions = useMyActions()
  const toggle = useToggleMyAction()
  const [changed, setChanged] = useState<Changed>({})
  const groups = groupByDeal(actions.data?.pages.flatMap((page) => page.items) ?? [])

  const setStatus = (item: MyAction, status: ActionStatus) => {
    const version = changed[item.id]?.version ?? item.version
    toggle.mutate(
      { id: item.id, version, status },
      {
        onSuccess: (saved) => {
          setChanged((now) => ({ ...now, [item.id]: { status: saved.status, version: saved.version } }))
          notifySaved(t(status === 'done' ? 'feedback.actionDone' : 'feedback.actionReopened', { title: item.title }))
        },
      },
    )
  }

  return (
    <>
      <PageHeader title={t('retrospectives.myActions')} description={t('retrospectives.myActionsDescription')} />
      <ErrorAlert error={toggle.error} onReload={() => { toggle.reset(); setChanged({}); void actions.refetch() }} />
      <ErrorAlert error={actions.error} />
      {actions.isPending && <Center py="xl"><Loader aria-label={t('common.loading')} /></Center>}
      {actions.isSuccess && groups.length === 0 && <Text c="dimmed">{t('retrospectives.myActionsPage.empty')}</Text>}
      <Stack gap="md">
        {groups.map((group) => (
          <Paper key={group.dealId} withBorder p="sm" component="section" aria-labelledby={`deal-${group.dealId}`}>
            <Title order={2} size="h4" id={`deal-${group.dealId}`} mb="xs">
              <Anchor component={Link} to={`/deals/${encodeURIComponent(group.dealId)}`}>{group.dealName}</Anchor>
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={group.dealName}>
                <Table.Tbody>
                  {group.items.map((item) => (
                    <MyActionRow
                      key={`${item.kind}:${item.id}`}
                      item={item}
                      status={changed[item.id]?.status ?? 'open'}
                      pending={toggle.isPending && toggle.variables.id === item.id}
                      busy={toggle.isPending}
                      onStatus={(status) => setStatus(item, status)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ))}
      </Stack>
      <LoadMoreButton query={actions} />
    </>
  )
}

function MyActionRow({ item, status, pending, busy, onStatus }: {
  item: MyAction
  status: ActionStatus
  pending: boolean
  busy: boolean
  onStatus: (status: ActionStatus) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const done = status === 'done'
  const overdue = item.overdue && !done
  return (
    <Table.Tr data-kind={item.kind} data-status={status}>
      <Table.Td w={110}>
        <Badge variant="light" color={item.kind === 'action' ? 'indigo' : 'grape'} style={{ minWidth: 'max-content' }}>
          {t(`retrospectives.myActionsPage.kinds.${item.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" td={done ? 'line-through' : undefined}>{item.title}</Text>
        {item.kind === 'next_step' && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">{t('retrospectives.myActionsPage.with', { name: item.stakeholder_name ?? '' })}</Text>
            {item.flagged && (
              <Tooltip label={t('retrospectives.myActionsPage.flaggedHint')} multiline maw={320}>
                <Badge size="xs" color="orange" variant="filled" data-mark="flagged">⚠ {t('retrospectives.myActionsPage.flagged')}</Badge>
              </Tooltip>
            )}
          </Group>
        )}
      </Table.Td>
      <Table.Td w={170}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
            {item.due_on ? format.date(item.due_on) : t('retrospectives.myActionsPage.noDue')}
          </Text>
          {overdue && <Badge color="red" size="xs" style={{ flexShrink: 0, minWidth: 'max-content' }}>{t('retrospectives.actions.overdue')}</Badge>}
        </Group>
      </Table.Td>
      <Table.Td ta="right" w={150}>
        {item.kind === 'action' ? (
          <Button
            size="xs"
            variant={done ? 'default' : 'light'}
            aria-label={done ? t('retrospectives.myActionsPage.undoLabel', { title: item.title }) : t('retrospectives.actions.markDone', { title: item.title })}
            loading={pending}
            disabled={busy && !pending}
            onClick={() => onStatus(done ? 'open' : 'done')}
          >
            {done ? t('retrospectives.myActionsPage.undo') : t('retrospectives.myActionsPage.done')}
          </Button>
        ) : (
          <Anchor
            size="sm"
            component={Link}
            to={`/deals/${encodeURIComponent(item.deal_id)}/stakeholders`}
            aria-label={t('retrospectives.myActionsPage.openPersonLabel', { name: item.stakeholder_name ?? '' })}
          >
            {t('retrospectives.myActionsPage.openPerson')}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
