import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../components/error-alert'
import { useFormat } from '../../../lib/format'
import { useGateDecisions } from '../api/review-queries'
import { GateDecisionModal } from './gate-decision-modal'
import { DecisionBadge } from './outcome-badge'
import type { ReviewNames } from './use-review-names'

/** The deal's go / no-go decisions in the order taken; those with `deal.gates:write` record new ones. */
export function GateDecisionsSection({ dealId, names, canDecide, today }: { dealId: string; names: ReviewNames; canDecide: boolean; today: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const decisions = useGateDecisions(dealId)
  const [recording, setRecording] = useState(false)
  const gates = names.milestones.filter((m) => m.gate)
  const items = decisions.data ?? []

  return (
    <Stack component="section" aria-label={t('retrospectives.gates.title')} gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} size="h3">{t('retrospectives.gates.title')}</Title>
          <Text size="sm" c="dimmed">{t('retrospectives.gates.description')}</Text>
        </Stack>
        {canDecide && gates.length > 0 && <Button variant="default" onClick={() => setRecording(true)}>{t('retrospectives.gates.record')}</Button>}
      </Group>
      <ErrorAlert error={decisions.error} />
      {decisions.isSuccess && items.length === 0 && <Text c="dimmed" size="sm">{t('retrospectives.gates.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('retrospectives.gates.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('retrospectives.gates.gate')}</Table.Th>
                <Table.Th>{t('retrospectives.gates.decision')}</Table.Th>
                <Table.Th>{t('retrospectives.gates.decidedBy')}</Table.Th>
                <Table.Th>{t('retrospectives.gates.decidedOn')}</Table.Th>
                <Table.Th>{t('retrospectives.gates.rationale')}</Table.Th>
                <Table.Th>{t('retrospectives.gates.conditions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((decision) => (
                <Table.Tr key={decision.id}>
                  <Table.Td>{names.milestoneName(decision.milestone_id)}</Table.Td>
                  <Table.Td><DecisionBadge decision={decision.decision} /></Table.Td>
                  <Table.Td>{names.userName(decision.decided_by)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(decision.decided_on)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{decision.rationale}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{decision.conditions || t('retrospectives.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recording && <GateDecisionModal dealId={dealId} gates={gates} label={names.label} today={today} onClose={() => setRecording(false)} />}
    </Stack>
  )
}
