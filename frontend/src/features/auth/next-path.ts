/** Where the app goes after signing in when nothing else was asked for. */
export const DEFAULT_AFTER_SIGN_IN = '/board'

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`
}

/**
 * The page to open after signing in: `next` when it is a path inside this app, else the board.
 * Anything else (another origin, `//host`, a scheme) is refused so the link cannot send users away.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_AFTER_SIGN_IN
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return DEFAULT_AFTER_SIGN_IN
  return next
}
