import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../../lib/api-client'
import { dealQueryKey } from '../../../lib/deals'
import { fetchAllPages, WHOLE_LIST_PAGE_SIZE, type Page } from '../../../lib/paging'

// The stakeholder map owns these resources; the plan only reads them, under the same cache keys
// (below the deal's, so a stakeholder or plan change refreshes them) and with the same window.
type Stance = 'champion' | 'supporter' | 'neutral' | 'skeptic' | 'blocker'
type DecisionRole = 'decision_maker' | 'economic_buyer' | 'technical_evaluator' | 'user' | 'influencer' | 'gatekeeper' | 'coach'
interface LinkedPerson { id: string; name: string; title: string; decision_role: DecisionRole; stance: Stance; milestone_ids: string[] }
interface GateRisk { milestone_id: string; stakeholder_id: string; stakeholder_name: string; reason: 'stance' | 'not_contacted' }

const STANCE_COLORS: Record<Stance, string> = { champion: 'green', supporter: 'teal', neutral: 'gray', skeptic: 'orange', blocker: 'red' }

function useDealStakeholders(dealId: string) {
  return useQuery({
    queryKey: [...dealQueryKey(dealId), 'stakeholders'],
    queryFn: async ({ signal }) => (await api.get<{ items: LinkedPerson[] }>(`/deals/${encodeURIComponent(dealId)}/stakeholders`, { signal })).items,
  })
}

function useDealGateRisks(dealId: string) {
  return useQuery({
    queryKey: [...dealQueryKey(dealId), 'gate-risks'],
    // every page: a gate's warning must not depend on where a page ends
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        api.get<Page<GateRisk>>('/risks/gates', { signal, query: { deal_id: dealId, days: 365, stale_days: 30, limit: WHOLE_LIST_PAGE_SIZE, cursor } })),
  })
}

/**
 * In a gate's drawer: the stakeholders who can move it (their `milestone_ids` hold it) with their
 * stances, and a warning when GET /risks/gates lists the gate. Says nothing when the people
 * cannot be read: the plan stays usable without them.
 */
export function GatePeople({ dealId, milestoneId }: { dealId: string; milestoneId: string }) {
  const { t } = useTranslation()
  const people = useDealStakeholders(dealId)
  const risks = (useDealGateRisks(dealId).data ?? []).filter((risk) => risk.milestone_id === milestoneId)
  if (!people.data) return null
  const linked = people.data.filter((person) => person.milestone_ids.includes(milestoneId))
  const atRisk = new Set(risks.map((risk) => risk.stakeholder_id))
  return (
    <Stack gap="xs" aria-label={t('plan.gatePeople.title')} role="region">
      <Text size="sm" fw={600}>{t('plan.gatePeople.title')}</Text>
      {risks.length > 0 && (
        <Alert color="orange" variant="light" title={`⚠ ${t('plan.gatePeople.riskTitle')}`} p="xs">
          <List size="sm">
            {risks.map((risk) => (
              <List.Item key={`${risk.stakeholder_id}:${risk.reason}`}>
                {t('plan.gatePeople.risk', { name: risk.stakeholder_name, reason: t(`plan.gatePeople.reasons.${risk.reason}`) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {linked.length === 0 && <Text size="sm" c="dimmed">{t('plan.gatePeople.none')}</Text>}
      {linked.map((person) => (
        <Group key={person.id} gap="xs" data-stakeholder-id={person.id}>
          <Text size="sm" fw={500}>{person.name}</Text>
          <Text size="xs" c="dimmed">{[person.title, t(`terms.decisionRoles.${person.decision_role}`)].filter(Boolean).join(' · ')}</Text>
          <Badge size="sm" variant="light" color={STANCE_COLORS[person.stance]}>{t(`terms.stances.${person.stance}`)}</Badge>
          {atRisk.has(person.id) && <Badge size="sm" variant="filled" color="orange" role="img" aria-label={t('plan.gatePeople.riskTitle')}>⚠</Badge>}
        </Group>
      ))}
    </Stack>
  )
}

/** In the plan table's gate column: a warning mark when GET /risks/gates lists this gate. */
export function GateRiskMark({ dealId, milestoneId }: { dealId: string; milestoneId: string }) {
  const { t } = useTranslation()
  const risks = (useDealGateRisks(dealId).data ?? []).filter((risk) => risk.milestone_id === milestoneId)
  if (risks.length === 0) return null
  const label = t('plan.gatePeople.riskMark', { names: [...new Set(risks.map((risk) => risk.stakeholder_name))].join(', ') })
  return <Text span c="orange.7" fw={700} ml={4} role="img" aria-label={label} title={label}>⚠</Text>
}
