import { Alert, Badge, Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorAlert } from '../../../components/error-alert'
import { canOnDeal, type Deal } from '../../../lib/deals'
import { useFormat } from '../../../lib/format'
import { useUpdateDeal } from '../api/deal-mutations'

/**
 * The deal header's warning when the plan's close gate (the contract signing, else the last
 * gate) is due after the target close, with one click to move either: the target close onto
 * the gate (for `deal:write`), or the gate onto the target close — the Plan tab opens the
 * reschedule preview for it (for `deal.plan:write`).
 */
export function PlanAfterTargetAlert({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const update = useUpdateDeal()
  const warning = deal.plan_after_target
  if (!warning) return null
  const gate = (i18n.language.startsWith('zh') && warning.name_zh.trim() ? warning.name_zh : warning.name) || t('planTrust.target.closeGate')
  const due = format.date(warning.planned_due)
  const target = format.date(deal.target_close_date)
  return (
    <Alert color="orange" variant="light" p="xs" role="alert" data-testid="plan-after-target">
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('planTrust.target.warning', { gate, due, days: warning.days_after, target })}</Text>
        <Group gap="xs">
          {canOnDeal(deal.permissions, 'deal:write') && (
            <Button size="compact-sm" variant="light" color="orange" loading={update.isPending}
              onClick={() => update.mutate({ deal, changes: { target_close_date: warning.planned_due } })}>
              {t('planTrust.target.moveTarget', { due })}
            </Button>
          )}
          {warning.milestone_id && canOnDeal(deal.permissions, 'deal.plan:write') && (
            <Button size="compact-sm" variant="light" color="orange" component={Link}
              to={`/deals/${encodeURIComponent(deal.id)}/plan?fit=${encodeURIComponent(warning.milestone_id)}`}>
              {t('planTrust.target.movePlan', { gate, target })}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={update.error} />
    </Alert>
  )
}

/** The short plan-after-target warning (the deals list, a phone's deal header): the open close gate falls after the target close. */
export function PlanAfterTargetBadge({ deal }: { deal: Deal }) {
  const { t } = useTranslation()
  const format = useFormat()
  const warning = deal.plan_after_target
  if (!warning) return null
  const title = t('planTrust.target.listTitle', { due: format.date(warning.planned_due), days: warning.days_after })
  return (
    <Badge ml={6} size="sm" variant="light" color="orange" tt="none" title={title} aria-label={title} data-testid="plan-after-target-badge">
      {t('planTrust.target.warningShort', { days: warning.days_after })}
    </Badge>
  )
}
