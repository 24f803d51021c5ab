import { Badge, Button, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useBaselines } from '../api/plan-queries'
import type { Baseline, Milestone } from '../api/types'
import { baselineDiffs, comparedBaseline, committedBaseline, type BaselineDiff } from '../baseline-compare'
import { CommitBaselineModal } from './commit-baseline-modal'
import { useMilestoneName } from '../milestone-name'
import { shiftLabel } from './shift-label'
import { TakeBaselineModal } from './take-baseline-modal'

/**
 * The deal's baselines: take one, list them with the committed one marked (the PMO may commit
 * to another, with a reason), and compare any two plans — a baseline with another or with
 * today's plan. The first of the pair is what the chart draws as ghost bars (`compareId`).
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
  const [committing, setCommitting] = useState<Baseline | null>(null)
  const [toId, setToId] = useState<string>(CURRENT)
  const items = baselines.data ?? []
  const committed = committedBaseline(items)
  const compared = comparedBaseline(items, props.compareId)
  const to = items.find((b) => b.id === toId) ?? null
  const nameOf = (b: Baseline) => (b.id === committed?.id ? t('planTrust.compare.committed', { name: b.name }) : b.name)
  const options = items.map((b) => ({ value: b.id, label: nameOf(b) }))

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
                <Table.Th><VisuallyHidden>{t('common.actions')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((baseline) => (
                <Table.Tr key={baseline.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {baseline.name}
                      {baseline.id === committed?.id && <Badge size="sm" variant="light" color="indigo" tt="none">{t('planTrust.committed.badge')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{(baseline.committed && baseline.committed_reason) || baseline.reason || t('plan.fields.none')}</Table.Td>
                  <Table.Td>{format.instant(baseline.taken_at)}</Table.Td>
                  <Table.Td ta="right">
                    {props.canTake && baseline.id !== committed?.id && (
                      <Button size="compact-sm" variant="subtle" aria-label={t('planTrust.committed.commitLabel', { name: baseline.name })} onClick={() => setCommitting(baseline)}>
                        {t('planTrust.committed.commit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group align="flex-end" gap="sm">
            <Select label={t('planTrust.compare.from')} maw={300} allowDeselect={false} value={compared?.id ?? null}
              onChange={(id) => props.onCompare(id === committed?.id ? null : id)} data={options} />
            <Select label={t('planTrust.compare.to')} maw={300} allowDeselect={false} value={toId}
              onChange={(id) => setToId(id ?? CURRENT)} data={[{ value: CURRENT, label: t('planTrust.compare.current') }, ...options]} />
          </Group>
          {compared && compared.id === to?.id && <Text size="sm" c="dimmed">{t('planTrust.compare.same')}</Text>}
          {compared && compared.id !== to?.id && (
            <BaselineDiffTable title={t('planTrust.compare.title', { from: nameOf(compared), to: to ? nameOf(to) : t('planTrust.compare.current') })}
              diffs={baselineDiffs(props.milestones, compared, to)} />
          )}
        </>
      )}
      {taking && <TakeBaselineModal dealId={props.dealId} onClose={() => setTaking(false)} />}
      {committing && <CommitBaselineModal dealId={props.dealId} baseline={committing} current={committed} onClose={() => setCommitting(null)} />}
    </Stack>
  )
}

/** The "to" choice that stands for today's plan rather than a baseline. */
const CURRENT = 'current'

function BaselineDiffTable({ title, diffs }: { title: string; diffs: BaselineDiff[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const nameOf = useMilestoneName()
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
          {diffs.map(({ milestone, then, now, dueShift }) => (
            <Table.Tr key={milestone.id}>
              <Table.Td>{milestone.sequence}. {nameOf(milestone)}</Table.Td>
              <Table.Td>{then ? span(then.start, then.due) : t('plan.baselines.notInBaseline')}</Table.Td>
              <Table.Td>{span(now.start, now.due)}</Table.Td>
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
