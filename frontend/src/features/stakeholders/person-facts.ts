import { useTranslation } from 'react-i18next'
import { useUserDirectory } from '../../lib/directory'
import { useDealMilestones, useGateRisks } from './api/stakeholder-queries'
import type { GateRisk, MilestoneRef, Stance } from './api/types'
import { todayIso } from './power-map'

/** What every view needs to show a person beyond the stakeholder itself. */
export interface PersonFacts {
  today: string
  /** The gates this person puts at risk (GET /risks/gates). */
  risksOf: (stakeholderId: string) => GateRisk[]
  /** A user's name, or null when unknown. */
  userName: (id: string | null) => string | null
  /** "2. Budget application support", in the UI language. */
  milestoneLabel: (id: string) => string
  milestones: MilestoneRef[]
}

/** A milestone's name in `language`: the Chinese one in Chinese when it has one. */
export function milestoneName(milestone: Pick<MilestoneRef, 'name' | 'name_zh'>, language: string): string {
  return language.startsWith('zh') && milestone.name_zh.trim() ? milestone.name_zh : milestone.name
}

/** Loads the deal's gate risks, milestones and the user directory as `PersonFacts`; missing data only leaves names out. */
export function usePersonFacts(dealId: string): PersonFacts {
  const { i18n } = useTranslation()
  const risks = useGateRisks(dealId)
  const milestones = useDealMilestones(dealId)
  const users = useUserDirectory()
  const riskMap = new Map<string, GateRisk[]>()
  for (const risk of risks.data ?? []) riskMap.set(risk.stakeholder_id, [...(riskMap.get(risk.stakeholder_id) ?? []), risk])
  const userMap = new Map((users.data ?? []).map((user) => [user.id, user.name]))
  const milestoneMap = new Map((milestones.data ?? []).map((m) => [m.id, m]))
  return {
    today: todayIso(),
    risksOf: (id) => riskMap.get(id) ?? [],
    userName: (id) => (id ? (userMap.get(id) ?? null) : null),
    milestoneLabel: (id) => {
      const milestone = milestoneMap.get(id)
      return milestone ? `${milestone.sequence}. ${milestoneName(milestone, i18n.language)}` : '?'
    },
    milestones: milestones.data ?? [],
  }
}

/** What a view may ask the tab to do with a person. */
export interface PersonActions {
  canEdit: boolean
  onOpen: (stakeholderId: string) => void
  /** A new stance was picked; the tab asks for the note before saving. */
  onStance: (stakeholderId: string, stance: Stance) => void
}
