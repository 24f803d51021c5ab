import { describe, expect, it } from 'vitest'
import type { Contact } from './api/types'
import { buildOrgTree, possibleManagers, type OrgNode } from './org-tree'
import { cellKey, nextStepOverdue, powerMapCells } from './power-map'
import { aStakeholder } from './stakeholder-fixtures'
import { changesFrom, mergeTyped, needsNote, toValues } from './stakeholder-form'

function contact(id: string, reportsTo: string | null): Contact {
  return { id, customer_id: 'cu-1', name: id, title: '', department: '', reports_to_id: reportsTo, phone: '', email: '', version: 1 }
}

function shape(nodes: OrgNode[]): unknown[] {
  return nodes.map((node) => (node.reports.length ? { [node.contact.id]: shape(node.reports) } : node.contact.id))
}

describe('powerMapCells', () => {
  it('has 25 cells and puts each person at influence × stance, clamping odd influence', () => {
    const cells = powerMapCells([
      aStakeholder({ id: 'a', influence: 5, stance: 'blocker' }),
      aStakeholder({ id: 'b', influence: 5, stance: 'blocker' }),
      aStakeholder({ id: 'c', influence: 2, stance: 'champion' }),
      aStakeholder({ id: 'd', influence: 9, stance: 'neutral' }),
    ])
    expect(cells.size).toBe(25)
    expect(cells.get(cellKey(5, 'blocker'))?.map((p) => p.id)).toEqual(['a', 'b'])
    expect(cells.get(cellKey(2, 'champion'))?.map((p) => p.id)).toEqual(['c'])
    expect(cells.get(cellKey(5, 'neutral'))?.map((p) => p.id)).toEqual(['d'])
  })
})

describe('nextStepOverdue', () => {
  it.each([
    ['Call', '2026-03-01', '2026-03-02', true],
    ['Call', '2026-03-02', '2026-03-02', false],
    ['', '2026-03-01', '2026-03-02', false],
    ['Call', null, '2026-03-02', false],
  ])('%j due %j on %j → %j', (step, due, today, expected) => {
    expect(nextStepOverdue({ next_step: step, next_step_due: due }, today)).toBe(expected)
  })
})

describe('buildOrgTree', () => {
  it('nests people under their managers and keeps unknown managers and loops as roots', () => {
    const tree = buildOrgTree([
      contact('boss', null),
      contact('a', 'boss'),
      contact('b', 'a'),
      contact('orphan', 'gone'),
      contact('x', 'y'),
      contact('y', 'x'),
    ])
    expect(shape(tree)).toEqual([{ boss: [{ a: ['b'] }] }, 'orphan', { x: ['y'] }])
  })
})

describe('possibleManagers', () => {
  const all = [contact('boss', null), contact('a', 'boss'), contact('b', 'a'), contact('peer', 'boss')]
  it.each([
    ['a new contact may report to anyone', null, ['boss', 'a', 'b', 'peer']],
    ['not to themself or anyone below them', 'a', ['boss', 'peer']],
    ['the top may report to no one of theirs', 'boss', []],
    ['someone at the bottom to all others', 'b', ['boss', 'a', 'peer']],
  ])('%s', (_, who, want) => {
    expect(possibleManagers(all, who).map((c) => c.id)).toEqual(want)
  })
})

describe('stakeholder form', () => {
  const base = toValues(aStakeholder())

  it('sends only what changed, numbers as numbers, and the note when typed', () => {
    const values = { ...base, influence: '4', owner_id: null, next_step: 'Lunch', milestone_ids: ['m-2'], note: ' Met twice ' }
    expect(changesFrom(base, values)).toEqual({ influence: 4, owner_id: null, next_step: 'Lunch', note: 'Met twice' })
    expect(changesFrom(base, base)).toEqual({})
  })

  it('sends an emptied date as null, which clears it', () => {
    expect(changesFrom(base, { ...base, last_contact_on: '' })).toEqual({ last_contact_on: null })
    expect(changesFrom(base, { ...base, last_contact_on: '2026-02-01' })).toEqual({ last_contact_on: '2026-02-01' })
  })

  it('needs a note only when the stance changes', () => {
    expect(needsNote(base, { ...base, stance: 'blocker' })).toBe(true)
    expect(needsNote(base, { ...base, stance: 'blocker', note: 'Why' })).toBe(false)
    expect(needsNote(base, { ...base, influence: '1' })).toBe(false)
  })

  it('after a 412 keeps what was typed over their version', () => {
    const theirs = toValues(aStakeholder({ influence: 2, notes: 'Theirs' }))
    const typed = { ...base, stance: 'skeptic' as const, note: 'Cooled off' }
    expect(mergeTyped(base, theirs, typed)).toEqual({ ...theirs, stance: 'skeptic', note: 'Cooled off' })
  })
})
