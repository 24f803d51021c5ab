import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useBaselines } from '../api/plan-queries'
import type { Milestone } from '../api/types'
import { baselineDiffs, comparedBaseline, type BaselineDiff } from '../baseline-compare'
import { useMilestoneName } from '../milestone-name'
import { shiftLabel } from './shift-label'
import { TakeBaselineModal } from './take-baseline-modal'

/**
 * The deal's baselines: take one, list them, and pick which one the chart compares against
 * (ghost bars and slip), with the milestones whose dates differ from it.
 */
export function BaselinesPanel(props: {
  dealId: string
  milestones: Milestone[]
  canTake: boolean
  compareId: string | null
  onCompare: (id: string | null) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const baselines = useBaselines(props.dealId)
  const [taking, setTaking] = useState(false)
  const items = baselines.data ?? []
  const compared = comparedBaseline(items, props.compareId)

  return (
    <Stack gap="sm" component="section" aria-labelledby="plan-baselines-title">
      <Group justify="space-between">
        <Title order={3} id="plan-baselines-title">{t('plan.baselines.title')}</Title>
        {props.canTake && <Button variant="light" onClick={() => setTaking(true)}>{t('plan.baselines.take')}</Button>}
      </Group>
      <ErrorAlert error={baselines.error} />
      {baselines.isSuccess && items.length === 0 && <Text size="sm" c="dimmed">{t('plan.baselines.empty')}</Text>}
      {items.length > 0 && (
        <>
          <Table fz="sm" striped aria-label={t('plan.baselines.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.baselines.name')}</Table.Th>
                <Table.Th>{t('plan.baselines.reason')}</Table.Th>
                <Table.Th>{t('plan.baselines.takenAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((baseline) => (
                <Table.Tr key={baseline.id}>
                  <Table.Td>{baseline.name}</Table.Td>
                  <Table.Td>{baseline.reason || t('plan.fields.none')}</Table.Td>
                  <Table.Td>{format.instant(baseline.taken_at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Select
            label={t('plan.baselines.compare')}
            maw={360}
            allowDeselect={false}
            value={compared?.id ?? null}
            onChange={(id) => props.onCompare(id === items[0]?.id ? null : id)}
            data={items.map((b, i) => ({ value: b.id, label: i === 0 ? t('plan.baselines.latest', { name: b.name }) : b.name }))}
          />
          {compared && <BaselineDiffTable baselineName={compared.name} diffs={baselineDiffs(props.milestones, compared)} />}
        </>
      )}
      {taking && <TakeBaselineModal dealId={props.dealId} onClose={() => setTaking(false)} />}
    </Stack>
  )
}

function BaselineDiffTable({ baselineName, diffs }: { baselineName: string; diffs: BaselineDiff[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = useMilestoneName()
  const title = t('plan.baselines.diffTitle', { name: baselineName })
  if (diffs.length === 0) return <Text size="sm" c="dimmed">{t('plan.baselines.noDiff')}</Text>
  const span = (start: string, due: string) => `${format.date(start)} – ${format.date(due)}`
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{title}</Text>
      <Table fz="sm" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.fields.milestone')}</Table.Th>
            <Table.Th>{t('plan.baselines.then')}</Table.Th>
            <Table.Th>{t('plan.baselines.now')}</Table.Th>
            <Table.Th ta="right">{t('plan.fields.slip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {diffs.map(({ milestone, then, dueShift }) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>{milestone.sequence}. {nameOf(milestone)}</Table.Td>
              <Table.Td>{then ? span(then.start, then.due) : t('plan.baselines.notInBaseline')}</Table.Td>
              <Table.Td>{span(milestone.planned_start, milestone.planned_due)}</Table.Td>
              <Table.Td ta="right" fw={600} c={dueShift && dueShift > 0 ? 'red.7' : dueShift && dueShift < 0 ? 'teal.7' : undefined}>
                {dueShift === null ? t('plan.fields.none') : shiftLabel(t, dueShift)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
