import type { Contact } from './api/types'

/** One person in the org chart with the people who report to them. */
export interface OrgNode {
  contact: Contact
  reports: OrgNode[]
}

/**
 * The customer's people as a forest by reports-to. Someone whose manager is unknown, or who
 * sits in a reporting loop the server should have refused, becomes a root, so nobody is lost
 * and nothing recurses forever. Roots and reports keep the order the contacts came in (by name).
 */
export function buildOrgTree(contacts: readonly Contact[]): OrgNode[] {
  const byId = new Map(contacts.map((c) => [c.id, c]))
  const reportsOf = new Map<string, Contact[]>()
  for (const contact of contacts) {
    if (contact.reports_to_id && byId.has(contact.reports_to_id)) {
      const list = reportsOf.get(contact.reports_to_id) ?? []
      list.push(contact)
      reportsOf.set(contact.reports_to_id, list)
    }
  }
  const placed = new Set<string>()
  const grow = (contact: Contact): OrgNode => {
    placed.add(contact.id)
    const reports = (reportsOf.get(contact.id) ?? []).filter((r) => !placed.has(r.id))
    return { contact, reports: reports.map(grow) }
  }
  const roots = contacts.filter((c) => !c.reports_to_id || !byId.has(c.reports_to_id)).map(grow)
  // Whoever is left sits in a loop: start a tree at the first of them.
  for (const contact of contacts) if (!placed.has(contact.id)) roots.push(grow(contact))
  return roots
}

/**
 * Who `contactId` may report to: every contact but them and the people who report to them,
 * directly or not (the server refuses such a loop; the picker does not offer it). A new contact
 * (`contactId` null) may report to anyone.
 */
export function possibleManagers(contacts: readonly Contact[], contactId: string | null): Contact[] {
  if (!contactId) return [...contacts]
  const below = new Set([contactId])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of contacts) {
      if (!below.has(c.id) && c.reports_to_id && below.has(c.reports_to_id)) {
        below.add(c.id)
        grew = true
      }
    }
  }
  return contacts.filter((c) => !below.has(c.id))
}
