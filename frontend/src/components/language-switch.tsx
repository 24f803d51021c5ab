import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n'
import { LANGUAGE_OPTIONS, matchLanguage, type LanguageCode } from '../i18n/language'

/**
 * Switches the UI language at once; each language is named in itself so anyone can find theirs.
 * `onChange` lets a signed-in page also save the choice to the user's profile.
 */
export function LanguageSwitch({ onChange }: { onChange?: (code: LanguageCode) => void }) {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data={LANGUAGE_OPTIONS}
      value={matchLanguage(i18n.language) ?? 'en'}
      onChange={(value) => {
        const code = value as LanguageCode
        void setLanguage(code)
        onChange?.(code)
      }}
    />
  )
}
