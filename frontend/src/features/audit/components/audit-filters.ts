import { AUDIT_ACTIONS, AUDIT_SUBJECTS, type AuditAction, type AuditFilter, type AuditSubject } from '../api/audit'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The filters of `/admin/audit?…` that are well formed; anything else in the URL is dropped. */
export function filterFromParams(params: URLSearchParams): AuditFilter {
  const filter: AuditFilter = {}
  const action = params.get('action')
  if (AUDIT_ACTIONS.includes(action as AuditAction)) filter.action = action as AuditAction
  const subject = params.get('subject_type')
  if (AUDIT_SUBJECTS.includes(subject as AuditSubject)) filter.subject_type = subject as AuditSubject
  const actor = params.get('actor_id')
  if (actor) filter.actor_id = actor
  for (const key of ['from', 'to'] as const) {
    const day = params.get(key)
    if (day && DAY.test(day)) filter[key] = day
  }
  return filter
}

/** The URL query of `filter`, without the empty ones. */
export function paramsFromFilter(filter: AuditFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => typeof value === 'string' && value !== ''))
}
