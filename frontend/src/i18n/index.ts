import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { initialLanguage, matchLanguage, storeLanguage, type LanguageCode } from './language'
import { en } from './locales/en'
import { zhCN } from './locales/zh-CN'

/** Every shipped language's strings, in the single `translation` namespace. */
export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

// Keep <html lang> in step with whatever changes the language, the first detection included.
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = matchLanguage(lng) ?? 'en'
})

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
})

/** Switches the UI language at once and remembers it on this browser for the next sign-in page. */
export async function setLanguage(code: LanguageCode): Promise<void> {
  storeLanguage(code)
  await i18n.changeLanguage(code)
}

/** The configured i18next instance; importing this module initialises it. */
export default i18n
