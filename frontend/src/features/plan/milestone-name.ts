import { useTranslation } from 'react-i18next'
import type { Milestone } from './api/types'

/** A milestone's name in `language`: the Chinese one in Chinese when it has one. */
export function milestoneName(milestone: Pick<Milestone, 'name' | 'name_zh'>, language: string): string {
  return language.startsWith('zh') && milestone.name_zh.trim() ? milestone.name_zh : milestone.name
}

/** `milestoneName` bound to the UI language. */
export function useMilestoneName(): (milestone: Pick<Milestone, 'name' | 'name_zh'>) => string {
  const { i18n } = useTranslation()
  return (milestone) => milestoneName(milestone, i18n.language)
}
