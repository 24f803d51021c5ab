import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useBaselines } from '../api/plan-queries'
import { committedBaseline, rebaselineCount } from '../baseline-compare'

/**
 * For the deal header: which baseline the slip is measured against (the committed one) and
 * how many times the plan was re-baselined, e.g. "Slip against “Kick-off plan” · Re-baselined
 * 2 times". Nothing without a baseline.
 */
export function CommittedBaselineNote({ dealId }: { dealId: string }) {
  const { t } = useTranslation()
  const baselines = useBaselines(dealId).data ?? []
  const committed = committedBaseline(baselines)
  if (!committed) return null
  const count = rebaselineCount(baselines)
  return (
    <Text size="xs" c="dimmed" data-testid="committed-baseline-note">
      {t('planTrust.committed.against', { name: committed.name })}
      {count > 0 && ` · ${t('planTrust.committed.rebaselined', { count })}`}
    </Text>
  )
}
