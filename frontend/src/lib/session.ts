/**
 * Who is signed in: the `GET /me` answer kept in the query cache under one key, the helpers that
 * start and end it, and the hooks that ask what the signed-in user may do. Every feature reads the
 * session from here; only the auth feature signs in and out.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import { setLanguage } from '../i18n'
import { matchLanguage } from '../i18n/language'
import { api, ApiError, configureApiClient, type Schema } from './api-client'

/** A user's role; what it allows comes from the server as `permissions`. */
export type Role = Schema<'Role'>

/** Every role, in the order the UI offers them. */
export const ROLES: readonly Role[] = ['member', 'executive', 'admin']

/** A person who can sign in. */
export type User = Schema<'User'>

/** A permission string, `"<object>:<action>"`, e.g. `users:write`. */
export type Permission = `${'users' | 'teams' | 'templates' | 'targets' | 'settings' | 'fx_rates' | 'customers' | 'audit' | 'calibration' | 'confidence_models'}:${'read' | 'write'}`

/** The answer of `POST /auth/login` and `GET /me`. */
export type Session = Schema<'Session'>

/** The cache key of the session; `null` under it means "known to be signed out". */
export const sessionQueryKey = ['session'] as const

/** `GET /me`; resolves to null when nobody is signed in. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api.get<Session>('/me', { signal, reportUnauthorized: false })
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** The session query; asked once per visit, then kept up to date by sign-in, profile saves and 401s. */
export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => {
      const session = await getSession(signal)
      if (session) await adoptProfileLanguage(session.user)
      return session
    },
    staleTime: Infinity,
  })
}

/**
 * The UI speaks the signed-in user's language: at sign-in and whenever `/me` is loaded, the
 * profile's language replaces the one the browser started with (and is remembered on this browser
 * for the next sign-in page). The language switch changes the profile, so the two stay one.
 */
export async function adoptProfileLanguage(user: User): Promise<void> {
  const code = matchLanguage(user.locale)
  if (code) await setLanguage(code)
}

/**
 * The session as the route guard last rendered it. Pages read it from here rather than from the
 * query so that, when the session ends, nothing below the guard renders without one: the guard
 * swaps its whole subtree for the redirect in the same render.
 */
export const SignedInContext = createContext<Session | null>(null)

/** The signed-in session, for components below the route guard (which waits for it). */
export function useSignedIn(): Session {
  const session = useContext(SignedInContext)
  if (!session) throw new Error('useSignedIn is only for pages behind the sign-in guard')
  return session
}

/** True when the session grants `permission`. */
export function hasPermission(session: Session | null | undefined, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false
}

/** True when the signed-in user has `permission`; hides actions the server would refuse. */
export function usePermission(permission: Permission): boolean {
  return hasPermission(useContext(SignedInContext), permission)
}

/**
 * Makes `session` the current one, dropping everything cached for whoever was signed in before,
 * and switches the UI to the user's language before the first signed-in page renders.
 */
export async function startSession(queryClient: QueryClient, session: Session): Promise<void> {
  await adoptProfileLanguage(session.user)
  queryClient.removeQueries()
  queryClient.setQueryData(sessionQueryKey, session)
}

/**
 * True from the moment the user asks to sign out until the session is forgotten: a 401 that a
 * request still in flight gets then is the sign-out itself, not a session that ended on its own, so
 * it must not send the user to sign in "and come back" to the page they chose to leave.
 */
let signingOut = false

/** Marks the start of a sign-out the user asked for (see `signingOut`). */
export function beginSignOut(): void {
  signingOut = true
}

/** The sign-out failed; 401s mean an ended session again. */
export function abortSignOut(): void {
  signingOut = false
}

/** Forgets the session and everything cached with it; the route guard then asks to sign in. */
export function endSession(queryClient: QueryClient): void {
  signingOut = false
  queryClient.removeQueries()
  queryClient.setQueryData(sessionQueryKey, null)
}

/** Replaces the signed-in user after a profile change, keeping token and permissions. */
export function setSessionUser(queryClient: QueryClient, user: User): void {
  queryClient.setQueryData<Session | null>(sessionQueryKey, (session) => (session ? { ...session, user } : session))
}

/**
 * Plugs the session into the API client: the CSRF token it sends, the language it asks for, and
 * what a 401 means (the session has ended, so the guard sends the user to sign in).
 */
export function connectApiClient(queryClient: QueryClient, language: () => string): void {
  configureApiClient({
    csrfToken: () => queryClient.getQueryData<Session | null>(sessionQueryKey)?.csrf_token ?? null,
    language,
    // Only the session is dropped: the guard unmounts the page, and signing in again clears the rest.
    onUnauthorized: () => {
      if (!signingOut) queryClient.setQueryData(sessionQueryKey, null)
    },
  })
}
