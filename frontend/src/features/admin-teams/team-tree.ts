import type { Team } from './api/teams'

/** A team with its sub-teams, each level ordered by name. */
export interface TeamNode {
  team: Team
  children: TeamNode[]
}

/**
 * Builds the hierarchy from the flat list. A team whose parent is missing is shown at the top
 * level rather than lost. Each team has one parent, so walking down from the top can never enter
 * a cycle (which the server forbids anyway): such teams are simply not reached.
 */
export function buildTeamTree(teams: readonly Team[], locale = 'en'): TeamNode[] {
  const ids = new Set(teams.map((team) => team.id))
  const byParent = new Map<string | null, Team[]>()
  for (const team of teams) {
    const parent = team.parent_id !== null && ids.has(team.parent_id) ? team.parent_id : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), team])
  }
  const collator = new Intl.Collator(locale)
  const build = (parent: string | null): TeamNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((team) => ({ team, children: build(team.id) }))
  return build(null)
}

/** The tree in display order with each team's depth (0 = top level). */
export function flattenTree(nodes: readonly TeamNode[], depth = 0): { team: Team; depth: number }[] {
  return nodes.flatMap((node) => [{ team: node.team, depth }, ...flattenTree(node.children, depth + 1)])
}

/** `id` and every team below it: the places a team cannot be moved under. */
export function subtreeIds(teams: readonly Team[], id: string): Set<string> {
  const out = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const team of teams) {
      if (team.parent_id !== null && out.has(team.parent_id) && !out.has(team.id)) {
        out.add(team.id)
        grew = true
      }
    }
  }
  return out
}
