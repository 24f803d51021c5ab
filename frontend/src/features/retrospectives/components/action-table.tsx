import { Badge, Checkbox, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { ActionItem } from '../api/types'
import type { ReviewNames } from './use-review-names'

/** Props of a retrospective's action items. */
export interface ActionTableProps {
  actions: ActionItem[]
  names: ReviewNames
  /** Whether the caller may mark this action done or open (its owner, or the deal's PMO). */
  canToggle: (action: ActionItem) => boolean
  onToggle: (action: ActionItem) => void
  /** The action whose change is on its way, if any. */
  pendingId?: string
}

/** A retrospective's action items: done box, title, owner, due date (red when overdue), status. */
export function ActionTable({ actions, names, canToggle, onToggle, pendingId }: ActionTableProps) {
  const { t } = useTranslation()
  const format = useFormat()
  if (actions.length === 0) return <Text size="sm" c="dimmed">{t('retrospectives.actions.none')}</Text>
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('retrospectives.actions.title')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('retrospectives.actions.action')}</Table.Th>
            <Table.Th>{t('retrospectives.actions.owner')}</Table.Th>
            <Table.Th>{t('retrospectives.actions.due')}</Table.Th>
            <Table.Th>{t('retrospectives.actions.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => {
            const done = action.status === 'done'
            return (
              <Table.Tr key={action.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={t(done ? 'retrospectives.actions.reopen' : 'retrospectives.actions.markDone', { title: action.title })}
                    checked={done}
                    disabled={!canToggle(action) || pendingId === action.id}
                    onChange={() => onToggle(action)}
                  />
                </Table.Td>
                <Table.Td td={done ? 'line-through' : undefined}>{action.title}</Table.Td>
                <Table.Td>{names.userName(action.owner_id)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" c={action.overdue ? 'red.7' : undefined} fw={action.overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                      {format.date(action.due_on)}
                    </Text>
                    {action.overdue && <Badge color="red" size="xs" style={{ flexShrink: 0, minWidth: 'max-content' }}>{t('retrospectives.actions.overdue')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={done ? 'green' : 'gray'} variant="light">
                    {t(done ? 'retrospectives.actions.done' : 'retrospectives.actions.open')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
