import type { Widen } from '../../i18n/locales/messages'

/** English strings of retrospectives and actions (merged into the app's resources as `retrospectives`). */
export const retrospectivesEn = {
  title: 'Retrospectives',
  myActions: 'My actions',
  myActionsDescription: 'Your open action items from retrospectives, across deals.',
} as const

/** Simplified Chinese strings of retrospectives and actions; same keys as retrospectivesEn. */
export const retrospectivesZh: Widen<typeof retrospectivesEn> = {
  title: '复盘',
  myActions: '我的行动项',
  myActionsDescription: '您在各商机复盘中尚未完成的行动项。',
}
