import { hasPermission, type Permission, type Session } from '../lib/session'

/** One administration section: its path under /admin, the permission it needs, its tab label. */
export interface AdminSection {
  path: 'users' | 'teams' | 'templates' | 'targets' | 'fx-rates' | 'settings' | 'confidence-model' | 'audit'
  permission: Permission
  label: 'users.tab' | 'teams.tab' | 'adminTemplates.tab' | 'targets.tab' | 'fxRates.tab' | 'reportingSettings.tab' | 'confidenceModel.tab' | 'audit.tab'
}

/** The sections in tab order. Each needs the permission to change (or, for the log, read) its data. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: 'users', permission: 'users:write', label: 'users.tab' },
  { path: 'teams', permission: 'teams:write', label: 'teams.tab' },
  { path: 'templates', permission: 'templates:write', label: 'adminTemplates.tab' },
  { path: 'targets', permission: 'targets:write', label: 'targets.tab' },
  { path: 'fx-rates', permission: 'fx_rates:write', label: 'fxRates.tab' },
  { path: 'settings', permission: 'settings:write', label: 'reportingSettings.tab' },
  { path: 'confidence-model', permission: 'confidence_models:write', label: 'confidenceModel.tab' },
  { path: 'audit', permission: 'audit:read', label: 'audit.tab' },
]

/** The sections this session may open; none means no Admin item and a refusal page under /admin. */
export function allowedAdminSections(session: Session | null | undefined): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => hasPermission(session, section.permission))
}
