import { ActionIcon, Badge, Center, Group, Loader, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { isPeriod } from '../../../lib/periods'
import { usePermission } from '../../../lib/session'
import { PeriodSelect, usePeriodLabel } from '../../../components/period-select'
import { COMPANY, usePeriodTargets, useTargetTree, type Target, type TargetTreeNode } from '../api/targets'
import { ClearTargetDialog } from './clear-target-dialog'
import { TargetFormModal } from './target-form-modal'

/** A tree node with its depth (company 0, root teams 1, …) and whether it has child teams. */
export interface TargetRow {
  node: TargetTreeNode
  key: string
  depth: number
  hasChildren: boolean
}

/** The tree's nodes (already company first, then depth first) with depths for indenting. */
export function targetRows(nodes: TargetTreeNode[]): TargetRow[] {
  const depth = new Map<string, number>()
  const parents = new Set(nodes.map((node) => node.parent_id ?? (node.team_id ? COMPANY : null)))
  return nodes.map((node) => {
    const key = node.team_id ?? COMPANY
    const level = node.team_id === null ? 0 : node.parent_id === null ? 1 : (depth.get(node.parent_id) ?? 0) + 1
    depth.set(key, level)
    return { node, key, depth: level, hasChildren: parents.has(key) }
  })
}

type Dialog = { kind: 'edit' | 'clear'; key: string; name: string } | null

/**
 * `/admin/targets?period=`: the team tree for one period with each node's own target
 * (top-down), its child teams' sum (bottom-up) and the gap; targets:write sets, changes and
 * clears targets. Without a period in the URL the server's current fiscal quarter is shown.
 */
export function TargetsPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const periodLabel = usePeriodLabel()
  const canWrite = usePermission('targets:write')
  const [params, setParams] = useSearchParams()
  const asked = params.get('period')
  const tree = useTargetTree(isPeriod(asked) ? asked : undefined)
  const period = tree.data?.period
  const targets = usePeriodTargets(period)
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)

  const currency = tree.data?.currency ?? 'CNY'
  const money = (minor: number | null) => (minor === null ? null : format.money(minor, currency))
  const rows = tree.data ? targetRows(tree.data.nodes) : []
  const targetOf = (key: string): Target | undefined => targets.data?.get(key)
  const choosePeriod = (value: string | null) => {
    if (!value) return
    const next = new URLSearchParams(params)
    next.set('period', value)
    setParams(next, { replace: true })
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('targets.description')}</Text>
      <Group justify="space-between" align="flex-end">
        <PeriodSelect label={t('targets.period')} value={period ?? asked} onChange={choosePeriod} allowDeselect={false} w={240} />
        {tree.data && <Text size="sm" c="dimmed">{t('targets.currencyNote', { currency })}</Text>}
      </Group>
      <ErrorAlert error={tree.error ?? targets.error} />
      {tree.isPending && <Center py="xl"><Loader size="sm" /></Center>}
      {tree.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('targets.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('targets.scope')}</Table.Th>
                <Table.Th ta="right">{t('targets.topDown')}</Table.Th>
                <Table.Th ta="right">{t('targets.bottomUp')}</Table.Th>
                <Table.Th ta="right">{t('targets.gap')}</Table.Th>
                {canWrite && <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ node, key, depth, hasChildren }) => {
                const own = targetOf(key)
                return (
                  <Table.Tr key={key} data-testid={`target-row-${key}`}>
                    <Table.Td pl={`calc(var(--mantine-spacing-sm) + ${depth * 1.25}rem)`} fw={depth === 0 ? 700 : undefined}>
                      {node.name}
                    </Table.Td>
                    <Table.Td ta="right">{money(node.target_minor) ?? <Text span c="dimmed" size="sm">{t('targets.notSet')}</Text>}</Table.Td>
                    <Table.Td ta="right">{hasChildren ? money(node.bottom_up_minor) : <Text span c="dimmed">—</Text>}</Table.Td>
                    <Table.Td ta="right">
                      {node.gap_minor === null ? (
                        <Text span c="dimmed">—</Text>
                      ) : node.gap_minor === 0 ? (
                        money(0)
                      ) : (
                        <Badge color={node.gap_minor > 0 ? 'orange' : 'red'} variant="light" data-gap="non-zero">
                          {node.gap_minor > 0 ? '+' : ''}
                          {money(node.gap_minor)}
                        </Badge>
                      )}
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t(node.target_minor === null ? 'targets.set' : 'targets.change', { name: node.name })}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t(node.target_minor === null ? 'targets.set' : 'targets.change', { name: node.name })}
                              disabled={!targets.data}
                              onClick={() => setDialog({ kind: 'edit', key, name: node.name })}
                            >
                              ✎
                            </ActionIcon>
                          </Tooltip>
                          {own && (
                            <Tooltip label={t('targets.clear', { name: node.name })}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('targets.clear', { name: node.name })}
                                onClick={() => setDialog({ kind: 'clear', key, name: node.name })}
                              >
                                ×
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {period && dialog?.kind === 'edit' && (
        <TargetFormModal
          period={period}
          periodLabel={periodLabel(period)}
          teamId={dialog.key === COMPANY ? null : dialog.key}
          name={dialog.name}
          currency={currency}
          target={targetOf(dialog.key)}
          onClose={close}
        />
      )}
      {period && dialog?.kind === 'clear' && targetOf(dialog.key) && (
        <ClearTargetDialog target={targetOf(dialog.key)!} name={dialog.name} periodLabel={periodLabel(period)} onClose={close} />
      )}
    </Stack>
  )
}
