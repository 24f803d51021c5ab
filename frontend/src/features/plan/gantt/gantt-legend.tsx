import { Group, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MILESTONE_STATUSES } from '../api/types'
import { CRITICAL } from './gantt-bar'
import { statusFill } from './status-colors'

/** What the chart's colours and marks mean. */
export function GanttLegend() {
  const { t } = useTranslation()
  return (
    <Group gap="md" mt="xs" aria-label={t('plan.gantt.legend')} role="list">
      {MILESTONE_STATUSES.map((status) => (
        <Entry key={status} label={t(`plan.status.${status}`)}>
          <rect x={1} y={3} width={20} height={10} rx={2} style={{ fill: statusFill(status) }} />
        </Entry>
      ))}
      <Entry label={t('plan.gantt.baseline')}>
        <rect x={1} y={4} width={20} height={8} rx={2} strokeDasharray="3 2" style={{ fill: 'var(--mantine-color-gray-5)', fillOpacity: 0.3, stroke: 'var(--mantine-color-gray-6)' }} />
      </Entry>
      <Entry label={t('plan.gantt.gate')}>
        <polygon points="11,1 18,8 11,15 4,8" strokeWidth={1.5} style={{ fill: 'var(--mantine-color-gray-2)', stroke: 'var(--mantine-color-dark-6)' }} />
      </Entry>
      <Entry label={t('plan.gantt.legalBreak')}>
        <rect x={1} y={3} width={20} height={10} rx={2} strokeWidth={2} strokeDasharray="4 2" style={{ fill: 'var(--mantine-color-gray-2)', stroke: 'var(--mantine-color-red-7)' }} />
      </Entry>
      <Entry label={t('planTrust.critical.legend')}>
        <rect x={1} y={3} width={20} height={10} rx={2} strokeWidth={2.5} style={{ fill: 'var(--mantine-color-gray-2)', stroke: CRITICAL }} />
      </Entry>
      <Entry label={t('planTrust.target.line')}>
        <line x1={11} x2={11} y1={0} y2={16} strokeWidth={2} style={{ stroke: 'var(--mantine-color-violet-7)' }} />
      </Entry>
      <Entry label={t('plan.gantt.today')}>
        <line x1={11} x2={11} y1={0} y2={16} strokeDasharray="4 3" strokeWidth={1.5} style={{ stroke: 'var(--mantine-color-red-6)' }} />
      </Entry>
      <Text size="xs" c="red.7" fw={700} role="listitem">
        {t('plan.slip.late', { days: 9 })} <Text span size="xs" c="dimmed" fw={400}>{t('plan.gantt.slipHint')}</Text>
      </Text>
    </Group>
  )
}

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} role="listitem">
      <svg width={22} height={16} aria-hidden="true">{children}</svg>
      <Text size="xs">{label}</Text>
    </Group>
  )
}
