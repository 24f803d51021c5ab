import { ApiError } from './api-client'

/** The part of a Mantine form that shows per-field errors. */
interface FieldErrorTarget {
  setErrors: (errors: Record<string, string>) => void
}

/**
 * Puts the server's per-field messages (`error.fields`) under the matching inputs; the form's
 * field names are the API's, so they map one to one, except those `rename` maps to another input
 * (e.g. `{ amount_minor: 'amount' }` when the form asks for major units). Returns true when there were any.
 */
export function showFieldErrors(form: FieldErrorTarget, error: unknown, rename: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return false
  form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [rename[field] ?? field, message])))
  return true
}

/** The minimum password length the server enforces; checked here too to save a round trip. */
export const MIN_PASSWORD_LENGTH = 12
