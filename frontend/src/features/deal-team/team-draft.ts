import { DEAL_ROLES, type DealMember, type DealRole } from '../../lib/deals'

/** One person on the deal team with every role they hold, as the editor shows them. */
export interface TeamPerson {
  user_id: string
  roles: DealRole[]
}

/** The API's one-row-per-role team as people, in the order each first appears. */
export function toPeople(team: readonly DealMember[]): TeamPerson[] {
  const people: TeamPerson[] = []
  for (const member of team) {
    const person = people.find((p) => p.user_id === member.user_id)
    if (!person) people.push({ user_id: member.user_id, roles: [member.role] })
    else if (!person.roles.includes(member.role)) person.roles.push(member.role)
  }
  return people.map((person) => ({ ...person, roles: sortRoles(person.roles) }))
}

/** The `PUT /deals/{id}/team` body: one `{user_id, role}` per role held, people in order. */
export function toMembers(people: readonly TeamPerson[]): DealMember[] {
  return people.flatMap((person) => sortRoles(person.roles).map((role) => ({ user_id: person.user_id, role })))
}

/** Roles in the UI's order: PMO, business, solution. */
export function sortRoles(roles: readonly DealRole[]): DealRole[] {
  return DEAL_ROLES.filter((role) => roles.includes(role))
}

/** True when the two teams hold the same people with the same roles (order aside). */
export function sameTeam(a: readonly DealMember[], b: readonly DealMember[]): boolean {
  const key = (team: readonly DealMember[]) => team.map((m) => `${m.user_id}:${m.role}`).sort().join(',')
  return key(a) === key(b)
}
