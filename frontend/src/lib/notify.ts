import { notifications } from '@mantine/notifications'
import type { feedbackEn } from '../i18n/locales/features/feedback'

/** A confirmation's key under `feedback` (the unsaved-edits guard's strings aside). */
export type SavedKey = Exclude<keyof typeof feedbackEn, 'unsaved'>

/**
 * A short confirmation that a change was saved (bottom right, gone after a few seconds):
 * every mutation the user starts says it worked. `message` is already translated.
 */
export function notifySaved(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, withBorder: true })
}
