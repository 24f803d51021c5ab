import { Badge, Group, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { GateRisk, Stakeholder } from '../api/types'
import { nextStepOverdue } from '../power-map'

/** The marks a person may carry: an overdue next step and the gates they put at risk. */
export function PersonMarks({ person, risks, today }: { person: Stakeholder; risks: GateRisk[]; today: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const overdue = nextStepOverdue(person, today)
  if (!overdue && risks.length === 0) return null
  const riskText = risks
    .map((risk) => t('stakeholders.marks.riskDetail', { gate: risk.gate_name, due: format.date(risk.due), reason: t(`stakeholders.riskReasons.${risk.reason}`) }))
    .join('; ')
  return (
    <Group gap={4}>
      {overdue && (
        <Tooltip label={`${t('stakeholders.marks.overdue')}: ${person.next_step} (${format.date(person.next_step_due ?? '')})`} multiline maw={280}>
          <Badge size="xs" color="red" variant="filled" role="img" aria-label={t('stakeholders.marks.overdue')} data-mark="overdue">
            {t('stakeholders.marks.overdueShort')}
          </Badge>
        </Tooltip>
      )}
      {risks.length > 0 && (
        <Tooltip label={`${t('stakeholders.marks.risk')}: ${riskText}`} multiline maw={320}>
          <Badge size="xs" color="orange" variant="filled" role="img" aria-label={`${t('stakeholders.marks.risk')}: ${riskText}`} data-mark="risk">
            ⚠ {t('stakeholders.marks.riskShort')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}
