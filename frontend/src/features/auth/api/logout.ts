import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { api } from '../../../lib/api-client'
import { abortSignOut, beginSignOut, endSession } from '../../../lib/session'

/** `POST /auth/logout`: ends the session cookie on the server. */
export function logout(): Promise<void> {
  return api.post<void>('/auth/logout')
}

/** Signs out, then shows the sign-in page without a `next` (the user chose to leave). */
export function useLogout() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return useMutation({
    onMutate: beginSignOut,
    mutationFn: logout,
    onError: abortSignOut,
    onSuccess: async () => {
      // Leave the guarded pages first, or the guard would add the current page as `next`.
      await navigate('/sign-in', { replace: true })
      endSession(queryClient)
    },
  })
}
