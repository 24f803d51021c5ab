import { useInfiniteQuery } from '@tanstack/react-query'
import { api, type Schema } from '../../../lib/api-client'
import { nextCursor, type Page } from '../../../lib/paging'

/** One audit log entry; `actor_*` is null for what the system did on its own. */
export type AuditEntry = Schema<'AuditEvent'>

/** The actions the filter offers; the log may hold others, which are shown as they are. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.password_reset',
  'team.created',
  'team.updated',
  'team.deleted',
  'team.members_set',
  'token.created',
  'token.revoked',
  'template.confidence_params_changed',
  'settings.updated',
  'target.created',
  'target.updated',
  'target.deleted',
  'fx_rate.created',
  'fx_rate.updated',
  'fx_rate.deleted',
  'confidence_model.fitted',
  'confidence_model.adopted',
  'confidence_model.reverted',
] as const

/** One of `AUDIT_ACTIONS`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** The kinds of thing an entry is about, as `GET /audit?subject_type=` takes them. */
export const AUDIT_SUBJECTS = ['user', 'team', 'template', 'settings', 'target', 'fx_rate', 'deal', 'confidence_model'] as const

/** One of `AUDIT_SUBJECTS`. */
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number]

/** The filters of the log; the server applies each in its query. Days are `YYYY-MM-DD`, both included. */
export interface AuditFilter {
  action?: AuditAction
  actor_id?: string
  subject_type?: AuditSubject
  from?: string
  to?: string
}

const PAGE_SIZE = 50

/** `GET /audit` for one page, newest first, with the filters. */
export function listAudit(filter: AuditFilter, cursor: string | undefined, signal?: AbortSignal) {
  return api.get<Page<AuditEntry>>('/audit', { signal, query: { limit: PAGE_SIZE, cursor, ...filter } })
}

/** The audit log, a page at a time. */
export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) => listAudit(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursor,
  })
}
