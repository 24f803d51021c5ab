import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import { useTargetCheck } from '../api/target-check'

/**
 * New deal's warning when the chosen template, laid out from the start date, puts its close gate
 * (the contract signing, else its last gate) after the target close — with one click to move
 * either: the target close onto the gate, or the start early enough to meet the target.
 */
export function NewDealTargetWarning(props: {
  templateId: string | null
  startDate: string
  targetClose: string
  onTargetClose: (date: string) => void
  onStartDate: (date: string) => void
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const check = useTargetCheck(props.templateId, props.startDate, props.targetClose).data
  const gate = check?.gate
  if (!props.templateId || !check || !gate || check.days_after <= 0) return null
  const gateName = (i18n.language.startsWith('zh') && gate.name_zh.trim() ? gate.name_zh : gate.name) || t('planTrust.target.closeGate')
  const due = format.date(gate.planned_due)
  return (
    <Alert color="orange" variant="light" p="xs" role="alert" data-testid="new-deal-target-warning">
      <Stack gap={6}>
        <Text size="sm">{t('planTrust.target.newDeal', { gate: gateName, due, days: check.days_after })}</Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="light" color="orange" onClick={() => props.onTargetClose(gate.planned_due)}>
            {t('planTrust.target.moveTarget', { due })}
          </Button>
          {check.start_to_meet && (
            <Button size="compact-sm" variant="light" color="orange" onClick={() => check.start_to_meet && props.onStartDate(check.start_to_meet)}>
              {t('planTrust.target.startEarlier', { date: format.date(check.start_to_meet) })}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  )
}
