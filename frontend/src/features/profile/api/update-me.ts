import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { ApiError, send, type RequestBody } from '../../../lib/api-client'
import { getSession, sessionQueryKey, setSessionUser, type Session, type User } from '../../../lib/session'

/** What `PATCH /me` may change. */
export type ProfileChanges = RequestBody<'/me', 'patch'>

/** `PATCH /me` based on `version`; a stale version gets 412 and changes nothing. */
export async function updateMe(changes: ProfileChanges, version: number): Promise<User> {
  return (await send<User>('/me', { method: 'PATCH', body: changes, ifMatch: version })).data
}

/** Saves profile changes and puts the new user into the session. */
export function useUpdateMe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ changes, version }: { changes: ProfileChanges; version: number }) => updateMe(changes, version),
    onSuccess: (user) => setSessionUser(queryClient, user),
  })
}

/** Fetches the signed-in user again, e.g. after a 412, so the next save is based on their change. */
export function useReloadMe() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey })
}

// Language saves run one after another: a second switch made while the first is still being saved
// must compare against (and be based on) what the first one stored, or the profile would end up
// with the earlier choice while the UI shows the later one.
let languageSaves: Promise<void> = Promise.resolve()

/**
 * Saves the language switch to the profile, after any save still under way. The choice is the
 * user's latest word on one field, so a 412 (the profile changed elsewhere) is retried once on the
 * current version.
 */
export function saveLanguage(queryClient: QueryClient, locale: User['locale']): Promise<void> {
  const saved = languageSaves.then(() => saveLanguageNow(queryClient, locale))
  languageSaves = saved.catch(() => undefined)
  return saved
}

async function saveLanguageNow(queryClient: QueryClient, locale: User['locale']): Promise<void> {
  const session = queryClient.getQueryData<Session | null>(sessionQueryKey)
  if (!session || session.user.locale === locale) return
  try {
    setSessionUser(queryClient, await updateMe({ locale }, session.user.version))
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 412) throw error
    const fresh = await getSession()
    if (fresh) setSessionUser(queryClient, await updateMe({ locale }, fresh.user.version))
  }
}

/** The language switch's save; the switch has already changed the UI, so a failure stays quiet. */
export function useSaveLanguage() {
  const queryClient = useQueryClient()
  return (locale: User['locale']) => void saveLanguage(queryClient, locale).catch(() => undefined)
}
