import { useTranslation } from 'react-i18next'
import { useUserDirectory } from '../../../lib/directory'
import { useMilestoneRefs } from '../api/review-queries'
import type { MilestoneRef } from '../api/types'

/** A milestone's name in `language`: the Chinese one in Chinese when it has one. */
export function milestoneLabel(milestone: Pick<MilestoneRef, 'name' | 'name_zh'>, language: string): string {
  return language.startsWith('zh') && milestone.name_zh.trim() ? milestone.name_zh : milestone.name
}

/**
 * The people and milestones a deal's reviews name, and how to show them: a user by name, a
 * milestone by its name in the UI language (or "free-standing" for none).
 */
export function useReviewNames(dealId: string) {
  const { t, i18n } = useTranslation()
  const users = useUserDirectory()
  const milestones = useMilestoneRefs(dealId)
  const userById = new Map((users.data ?? []).map((user) => [user.id, user]))
  const milestoneById = new Map((milestones.data ?? []).map((m) => [m.id, m]))
  return {
    users: users.data ?? [],
    milestones: milestones.data ?? [],
    error: users.error ?? milestones.error,
    userName: (id: string | null): string =>
      id === null ? t('retrospectives.unassigned') : (userById.get(id)?.name ?? t('retrospectives.unknownUser')),
    milestoneName: (id: string | null): string => {
      if (id === null) return t('retrospectives.freeStanding')
      const milestone = milestoneById.get(id)
      return milestone ? milestoneLabel(milestone, i18n.language) : t('retrospectives.unknownMilestone')
    },
    label: (milestone: MilestoneRef) => milestoneLabel(milestone, i18n.language),
  }
}

/** What `useReviewNames` returns, for components that are handed it. */
export type ReviewNames = ReturnType<typeof useReviewNames>
