import { describe, expect, it } from 'vitest'
import { teamName, teamPath, type TeamEntry } from './directory'

const teams: TeamEntry[] = [
  { id: 'gov', name: 'Government Business', name_zh: '政府业务部', parent_id: null, member_ids: [], version: 1 },
  { id: 'north', name: 'North China', name_zh: '华北区', parent_id: 'gov', member_ids: [], version: 1 },
  { id: 'lab', name: 'Lab', name_zh: '', parent_id: 'north', member_ids: [], version: 1 },
]

describe('team names in the reader’s language', () => {
  it.each([
    ['en', 'north', 'Government Business / North China'],
    ['zh-CN', 'north', '政府业务部 / 华北区'],
    // A team without a Chinese name keeps its English one among Chinese parents.
    ['zh-CN', 'lab', '政府业务部 / 华北区 / Lab'],
    ['en', 'missing', ''],
  ])('in %s the path of %s reads %j', (language, id, want) => {
    expect(teamPath(teams, id, language)).toBe(want)
  })

  it.each([
    ['en', 'North China'],
    ['zh-CN', '华北区'],
    ['zh', '华北区'],
  ])('in %s the name reads %j', (language, want) => {
    expect(teamName(teams[1]!, language)).toBe(want)
  })
})
