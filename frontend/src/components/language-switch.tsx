import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n'
import { LANGUAGES, matchLanguage, type LanguageCode } from '../i18n/language'

const options = LANGUAGES.map(({ code, name }) => ({ value: code, label: name }))

/** Switches the UI language at once; each language is named in itself so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      data={options}
      value={matchLanguage(i18n.language) ?? 'en'}
      onChange={(value) => void setLanguage(value as LanguageCode)}
    />
  )
}
