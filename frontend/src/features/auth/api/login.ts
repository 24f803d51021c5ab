import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestBody } from '../../../lib/api-client'
import { startSession, type Session } from '../../../lib/session'

/** What the sign-in form sends. */
export type Credentials = RequestBody<'/auth/login', 'post'>

/** `POST /auth/login`; its 401 means wrong credentials, so it does not count as a lost session. */
export function login(credentials: Credentials): Promise<Session> {
  return api.post<Session>('/auth/login', credentials, { reportUnauthorized: false })
}

/** Signs in and makes the answer the current session. */
export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: login, onSuccess: (session) => startSession(queryClient, session) })
}
