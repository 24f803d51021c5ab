/**
 * What an activity entry changed, read from its `before` and `after` snapshots: the fields that
 * differ, people who joined or left the deal team, and the milestones a reschedule moved.
 */

/** One field whose value differs between the snapshots. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** A `{user_id, role}` of a deal team snapshot. */
export interface TeamRole {
  user_id: string
  role: string
}

/** One milestone a reschedule moved; `name_zh` is its Chinese name when it has one. */
export interface Move {
  name: string
  name_zh?: string
  from_due: string
  to_due: string
}

type Snapshot = Record<string, unknown>

function isSnapshot(value: unknown): value is Snapshot {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** The fields that differ when both snapshots are objects, in the order the fields appear; else none. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isSnapshot(before) || !isSnapshot(after)) return []
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }))
}

// The server currently records team snapshots with Go's field names (`UserID`, `Role`) rather
// than the API's (`user_id`, `role`); both are read.
function teamRoles(value: unknown): TeamRole[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((m) => {
    if (!isSnapshot(m)) return []
    const user = m.user_id ?? m.UserID
    const role = m.role ?? m.Role
    return typeof user === 'string' && typeof role === 'string' ? [{ user_id: user, role }] : []
  })
}

/** Deal-team roles given and taken away between two team snapshots. */
export function teamChanges(before: unknown, after: unknown): { added: TeamRole[]; removed: TeamRole[] } {
  const was = teamRoles(before)
  const is = teamRoles(after)
  const has = (list: TeamRole[], m: TeamRole) => list.some((x) => x.user_id === m.user_id && x.role === m.role)
  return { added: is.filter((m) => !has(was, m)), removed: was.filter((m) => !has(is, m)) }
}

/** The moves of a `plan.rescheduled` entry. */
export function movesOf(after: unknown): Move[] {
  if (!Array.isArray(after)) return []
  return after.filter((m): m is Move => isSnapshot(m) && typeof m.name === 'string' && typeof m.to_due === 'string')
}

/** A string field of a snapshot, e.g. a milestone's `name`; empty when absent. */
export function textOf(snapshot: unknown, field: string): string {
  if (!isSnapshot(snapshot)) return ''
  const value = snapshot[field]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/**
 * The changes a `stakeholder.updated` entry recorded, `{field: {from, to}}`, as field changes in
 * a stable order (the server writes a map).
 */
export function recordedChanges(snapshot: unknown): FieldChange[] {
  if (!isSnapshot(snapshot)) return []
  return Object.keys(snapshot)
    .sort()
    .flatMap((field) => {
      const c = snapshot[field]
      return isSnapshot(c) ? [{ field, before: c.from, after: c.to }] : []
    })
}
