import { useTranslation } from 'react-i18next'
import type { BoardGate } from '../api/board'

/** A gate's name in the UI language: the Chinese name when the UI is Chinese and one is kept. */
export function useGateName() {
  const { i18n } = useTranslation()
  const chinese = i18n.language.startsWith('zh')
  return (gate: BoardGate) => (chinese && gate.name_zh ? gate.name_zh : gate.name)
}
