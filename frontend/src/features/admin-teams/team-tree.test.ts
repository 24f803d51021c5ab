import { describe, expect, it } from 'vitest'
import type { Team } from './api/teams'
import { buildTeamTree, flattenTree, subtreeIds } from './team-tree'

function team(id: string, name: string, parent_id: string | null = null): Team {
  return { id, name, name_zh: '', parent_id, member_ids: [], version: 1 }
}

const teams = [
  team('g', 'Germany', 'e'),
  team('e', 'EMEA'),
  team('a', 'APAC'),
  team('f', 'France', 'e'),
  team('b', 'Berlin', 'g'),
]

describe('buildTeamTree', () => {
  it('nests teams under their parents, each level by name', () => {
    expect(flattenTree(buildTeamTree(teams)).map(({ team, depth }) => `${depth}:${team.name}`)).toEqual([
      '0:APAC',
      '0:EMEA',
      '1:France',
      '1:Germany',
      '2:Berlin',
    ])
  })

  it('shows a team whose parent is unknown at the top level', () => {
    expect(buildTeamTree([team('x', 'Orphan', 'gone')]).map((n) => n.team.name)).toEqual(['Orphan'])
  })

  it('survives a cycle', () => {
    expect(buildTeamTree([team('p', 'P', 'q'), team('q', 'Q', 'p')])).toEqual([])
  })
})

describe('subtreeIds', () => {
  it('holds the team and everything below it', () => {
    expect([...subtreeIds(teams, 'e')].sort()).toEqual(['b', 'e', 'f', 'g'])
  })
})
