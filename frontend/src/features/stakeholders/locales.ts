import type { Widen } from '../../i18n/locales/messages'

/** English strings of the stakeholder map (merged into the app's resources as `stakeholders`). */
export const stakeholdersEn = {
  title: 'Stakeholders',
} as const

/** Simplified Chinese strings of the stakeholder map; same keys as stakeholdersEn. */
export const stakeholdersZh: Widen<typeof stakeholdersEn> = {
  title: '干系人',
}
