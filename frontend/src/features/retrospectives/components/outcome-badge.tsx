import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Decision, Outcome } from '../api/types'

const OUTCOME_COLORS: Record<Outcome, string> = { on_track: 'green', at_risk: 'yellow', off_track: 'red' }

/** A retrospective's verdict: green on track, yellow at risk, red off track. */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`retrospectives.outcomes.${outcome}`)}
    </Badge>
  )
}

/** A gate's verdict: green go, red no-go. */
export function DecisionBadge({ decision }: { decision: Decision }) {
  const { t } = useTranslation()
  return (
    <Badge color={decision === 'go' ? 'green' : 'red'} variant="filled" style={{ minWidth: 'max-content' }}>
      {t(`retrospectives.gates.${decision}`)}
    </Badge>
  )
}
