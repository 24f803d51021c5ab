import { useMutation } from '@tanstack/react-query'
import { api, type RequestBody } from '../../../lib/api-client'

/** What `POST /me/password` takes; the names are the API's, so field errors map onto the form. */
export type PasswordChange = RequestBody<'/me/password', 'post'>

/** `POST /me/password`: 204, or 422 naming `current_password` or `new_password`. */
export function changePassword(change: PasswordChange): Promise<void> {
  return api.post<void>('/me/password', change)
}

/** Changes the signed-in user's own password. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
