import { useTranslation } from 'react-i18next'
import { teamPath, useTeamDirectory, useUserDirectory } from '../../../lib/directory'
import { useFormat } from '../../../lib/format'
import type { AuditEntry } from '../api/audit'

type Snapshot = Record<string, unknown>

function isSnapshot(value: unknown): value is Snapshot {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A `{from, to}` change as the server records it. */
function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return isSnapshot(value) && 'from' in value && 'to' in value && Object.keys(value).length === 2
}

const USER_ROLES = new Set(['admin', 'executive', 'member'])
const USER_FIELDS = new Set(['member_ids', 'user_id'])
const TEAM_FIELDS = new Set(['team_ids', 'team_id', 'parent_id'])

/**
 * An audit entry's details as lines in the UI language: "Name: North → North China" for a
 * change, "Email: a@b" for a fact; before/after snapshots give the fields that differ. People
 * and teams by name, roles translated, amounts in their currency.
 */
export function useAuditDetails() {
  const { t } = useTranslation()
  const format = useFormat()
  const teams = useTeamDirectory().data ?? []
  const users = new Map((useUserDirectory().data ?? []).map((user) => [user.id, user.name]))

  const label = (field: string) => t(`auditLog.fields.${field as 'name'}`, { defaultValue: field.replaceAll('_', ' ') })
  const value = (field: string, raw: unknown, snapshot?: Snapshot): string => {
    if (raw === null || raw === undefined || raw === '') return t('auditLog.none')
    if (typeof raw === 'boolean') return raw ? t('auditLog.yes') : t('auditLog.no')
    if (Array.isArray(raw)) return raw.length === 0 ? t('auditLog.none') : raw.map((item) => value(field, item)).join(', ')
    if (typeof raw === 'string') {
      if (USER_FIELDS.has(field)) return users.get(raw) ?? raw
      if (TEAM_FIELDS.has(field)) return teamPath(teams, raw) || raw
      if (field === 'role' && USER_ROLES.has(raw)) return t(`roles.${raw as 'admin'}`)
      return raw
    }
    if (typeof raw === 'number' && field === 'amount_minor' && typeof snapshot?.currency === 'string') return format.money(raw, snapshot.currency)
    if (isSnapshot(raw)) return Object.entries(raw).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')
    return String(raw)
  }
  const changed = (field: string, from: unknown, to: unknown, before?: Snapshot, after?: Snapshot) =>
    `${label(field)}: ${value(field, from, before)} → ${value(field, to, after)}`
  const fact = (field: string, raw: unknown, snapshot?: Snapshot) => `${label(field)}: ${value(field, raw, snapshot)}`

  return (entry: AuditEntry): string[] => {
    const details: Snapshot = isSnapshot(entry.details) ? entry.details : {}
    const { before, after } = details
    if (isSnapshot(before) && isSnapshot(after)) {
      return Object.keys({ ...before, ...after })
        .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
        .map((field) => changed(field, before[field], after[field], before, after))
    }
    if (isSnapshot(before) && after === undefined) return Object.entries(before).map(([field, raw]) => fact(field, raw, before))
    return Object.entries(details).map(([field, raw]) => (isChange(raw) ? changed(field, raw.from, raw.to) : fact(field, raw, details)))
  }
}
