/** The languages Summit ships, with their names as their own speakers write them. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '中文' },
] as const

/** The languages as select options, each labelled in itself. */
export const LANGUAGE_OPTIONS = LANGUAGES.map(({ code, name }) => ({ value: code, label: name }))

/** A language code Summit has strings for. */
export type LanguageCode = (typeof LANGUAGES)[number]['code']

/** Where the last language used on this browser is remembered for the next sign-in page. */
export const LANGUAGE_STORAGE_KEY = 'summit.language'

const FALLBACK: LanguageCode = 'en'

/** Maps any BCP 47 tag to a shipped language: every Chinese variant to zh-CN, English to en. */
export function matchLanguage(tag: string | null | undefined): LanguageCode | null {
  const lower = tag?.trim().toLowerCase()
  if (!lower) return null
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN'
  if (lower === 'en' || lower.startsWith('en-')) return 'en'
  return null
}

/**
 * The language before anyone signs in (the sign-in page, the first `/me`): the last one used on
 * this browser, else the browser's first shipped language, else English. Signing in replaces it
 * with the profile's language (`adoptProfileLanguage` in lib/session.ts).
 */
export function initialLanguage(): LanguageCode {
  const stored = matchLanguage(readStored())
  if (stored) return stored
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  for (const tag of browser) {
    const match = matchLanguage(tag)
    if (match) return match
  }
  return FALLBACK
}

/** Remembers the choice; a browser that refuses storage (private mode, quota) just forgets it. */
export function storeLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code)
  } catch {
    // Not remembering the language is better than failing to switch it.
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY)
  } catch {
    return null
  }
}
