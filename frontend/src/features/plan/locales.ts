import type { Widen } from '../../i18n/locales/messages'

/** English strings of the plan editor (merged into the app's resources as `plan`). */
export const planEn = {
  title: 'Plan',
} as const

/** Simplified Chinese strings of the plan editor; the type keeps the keys of planEn. */
export const planZh: Widen<typeof planEn> = {
  title: '计划',
}
