import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, send, type RequestBody } from '../../../lib/api-client'
import type { User } from '../../../lib/session'
import { userQueryKey, usersQueryKey } from './users'

/** What `POST /users` takes. */
export type NewUser = RequestBody<'/users', 'post'>

/** What `PATCH /users/{id}` may change; `active: false` deactivates. */
export type UserChanges = RequestBody<'/users/{id}', 'patch'>

/** `POST /users`: 201, 409 when the email is taken, 422 with fields. */
export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/users', user),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  })
}

/** `PATCH /users/{id}` based on the version the change was made from. */
export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ user, changes }: { user: User; changes: UserChanges }) =>
      (await send<User>(`/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: changes, ifMatch: user.version })).data,
    onSuccess: (saved) => {
      queryClient.setQueryData(userQueryKey(saved.id), saved)
      return queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] })
    },
  })
}

/** `POST /users/{id}/password`: sets a new password and signs that user out everywhere. */
export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<void>(`/users/${encodeURIComponent(id)}/password`, { password }),
  })
}

/** Fetches users again, e.g. after a 412, so the next change is based on the current version. */
export function useReloadUsers() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: usersQueryKey })
}
