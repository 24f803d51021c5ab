import { useTranslation } from 'react-i18next'
import { textOf } from '../changes'

/**
 * The name of a snapshot in the reader's language: `name_zh` for a reader in Chinese when the
 * thing has one (milestones do), else `name`. A snapshot that is a bare string (a stakeholder's
 * name) is that name.
 */
export function useLocalName() {
  const { i18n } = useTranslation()
  const chinese = i18n.language.startsWith('zh')
  return (snapshot: unknown): string => {
    if (typeof snapshot === 'string') return snapshot
    return (chinese && textOf(snapshot, 'name_zh')) || textOf(snapshot, 'name')
  }
}
