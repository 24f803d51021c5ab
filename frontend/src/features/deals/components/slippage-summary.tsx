import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Slippage } from '../../../lib/deals'

/** One slip figure as a badge: red when late, teal when ahead or on schedule. */
function SlipBadge({ days, late, ahead, onTime }: { days: number; late: string; ahead: string; onTime: string }) {
  const color = days > 0 ? 'red' : 'teal'
  return (
    <Badge variant="light" color={color} tt="none">
      {days > 0 ? late : days < 0 ? ahead : onTime}
    </Badge>
  )
}

/**
 * How late the plan runs against its committed baseline: the next gate and the contract signing,
 * e.g. "Next gate +9 d late", "Contract +21 d". Nothing without a baseline.
 */
export function SlippageSummary({ slippage }: { slippage: Slippage | undefined }) {
  const { t } = useTranslation()
  const gate = slippage?.next_gate_slip_days
  const contract = slippage?.contract_slip_days
  if (gate == null && contract == null) return null
  return (
    <Group gap="xs" aria-label={t('deals.slippage.label')} role="group">
      {gate != null && (
        <SlipBadge
          days={gate}
          late={t('deals.slippage.gateLate', { days: gate })}
          ahead={t('deals.slippage.gateAhead', { days: -gate })}
          onTime={t('deals.slippage.gateOnTime')}
        />
      )}
      {contract != null && (
        <SlipBadge
          days={contract}
          late={t('deals.slippage.contractLate', { days: contract })}
          ahead={t('deals.slippage.contractAhead', { days: -contract })}
          onTime={t('deals.slippage.contractOnTime')}
        />
      )}
    </Group>
  )
}
