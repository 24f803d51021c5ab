import { Alert, List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Milestone, PlanCheck } from '../api/types'

/**
 * The legal minimum intervals of public procurement the plan breaks: for each, the rule, the
 * milestones it spans, the legal minimum and the plan's interval (calendar or working days).
 * The same milestones carry a mark on the Gantt chart.
 */
export function PlanChecksAlert({ checks, milestones, nameOf }: { checks: PlanCheck[]; milestones: Milestone[]; nameOf: (milestone: Milestone) => string }) {
  const { t } = useTranslation()
  if (checks.length === 0) return null
  const names = (ids: string[]) =>
    ids
      .map((id) => milestones.find((m) => m.id === id))
      .map((m, i) => (m ? `${m.sequence}. ${nameOf(m)}` : ids[i]))
      .join(' → ')
  return (
    <Alert color="red" variant="light" role="alert" title={t('plan.checks.title', { count: checks.length })}>
      <List size="sm" spacing={4}>
        {checks.map((check) => {
          const unit = check.working_days ? 'working' : 'calendar'
          return (
            <List.Item key={`${check.rule}-${check.milestone_ids.join(',')}`}>
              <Text size="sm" span fw={600}>{check.label}</Text>
              <Text size="sm" span>
                {' — '}
                {t(`plan.checks.detail.${unit}`, { milestones: names(check.milestone_ids), minimum: check.minimum_days, planned: check.planned_days })}
              </Text>
            </List.Item>
          )
        })}
      </List>
      <Text size="xs" mt={6}>{t('plan.checks.hint')}</Text>
    </Alert>
  )
}
