import type { Session, User } from '../lib/session'

/** A user as the API returns one; override what a test cares about. */
export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-admin',
    email: 'admin@summit.example',
    name: 'Ada Admin',
    role: 'admin',
    locale: 'en',
    active: true,
    team_ids: [],
    version: 3,
    created_at: '2026-01-05T09:00:00Z',
    ...overrides,
  }
}

/** The session of the demo admin, who may do everything. */
export const adminSession: Session = {
  user: aUser(),
  csrf_token: 'csrf-admin',
  permissions: ['users:read', 'users:write', 'teams:read', 'teams:write', 'audit:read', 'settings:write'],
}

/** The session of a plain member, who may only read users and teams. */
export const memberSession: Session = {
  user: aUser({ id: 'u-member', email: 'mo@summit.example', name: 'Mo Member', role: 'member' }),
  csrf_token: 'csrf-member',
  permissions: ['users:read', 'teams:read'],
}
