import { notifications } from '@mantine/notifications'

/**
 * A short confirmation that a change was saved (bottom right, gone after a few seconds):
 * every mutation the user starts says it worked. `message` is already translated.
 */
export function notifySaved(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, withBorder: true })
}
