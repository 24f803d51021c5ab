import { Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PhoneDetails, usePhone } from '../../../components/phone-details'
import { canOnDeal, type Deal } from '../../../lib/deals'
import { ChangeStatusModal } from './change-status-modal'
import { DealFacts } from './deal-facts'
import { DealStatusBadge } from './deal-status-badge'
import { EditDealModal } from './edit-deal-modal'
import { PlanAfterTargetAlert, PlanAfterTargetBadge } from './plan-after-target-alert'
import { SlippageSummary } from './slippage-summary'

/**
 * The top of a deal workspace: name, status, slippage with `baselineNote` (what it is measured
 * against, from the plan feature), the plan-after-target warning, key facts and `team` (the
 * deal team's faces, from another feature), with Edit and Change status for those with
 * `deal:write`. On a phone the facts, the team and `details` (more from other features) fold
 * behind "Show details".
 */
export function DealHeader({ deal, team, details, baselineNote }: { deal: Deal; team?: ReactNode; details?: ReactNode; baselineNote?: ReactNode }) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null)
  const canWrite = canOnDeal(deal.permissions, 'deal:write')
  const phone = usePhone()
  const actions = (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" onClick={() => setDialog('edit')}>
        {t('deals.edit')}
      </Button>
      <Button variant="default" onClick={() => setDialog('status')}>
        {t('deals.changeStatus')}
      </Button>
    </Group>
  )
  const close = () => setDialog(null)

  return (
    <Stack gap="sm" mb="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={1}>{deal.name}</Title>
            <DealStatusBadge status={deal.status} />
          </Group>
          {deal.status !== 'open' && deal.status_reason && (
            <Text size="sm" c="dimmed">
              {t('deals.statusReason', { reason: deal.status_reason })}
            </Text>
          )}
          <Group gap="xs">
            <SlippageSummary slippage={deal.slippage} />
            {!phone && baselineNote}
            {phone && <PlanAfterTargetBadge deal={deal} />}
          </Group>
        </Stack>
        {canWrite && !phone && actions}
      </Group>
      {/* On a phone the warning stays in sight as a badge; its moves fold with the details. */}
      {!phone && <PlanAfterTargetAlert deal={deal} />}
      <PhoneDetails>
        {/* On a phone the title gets the whole width: the baseline note and the buttons fold too. */}
        {phone && baselineNote}
        {phone && <PlanAfterTargetAlert deal={deal} />}
        {canWrite && phone && actions}
        <Group justify="space-between" align="flex-end">
          <DealFacts deal={deal} />
          {team}
        </Group>
        {details}
      </PhoneDetails>
      {dialog === 'edit' && <EditDealModal deal={deal} onClose={close} />}
      {dialog === 'status' && <ChangeStatusModal deal={deal} onClose={close} />}
    </Stack>
  )
}
