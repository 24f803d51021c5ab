import { describe, expect, it } from 'vitest'
import { importProblems } from './api/import-plan'
import { baselineDiffs, comparedBaseline, rebaselineCount } from './baseline-compare'
import { changesFrom, mergeMine, splitDates, toValues, validateMilestone } from './milestone-form'
import { milestoneName } from './milestone-name'
import { planAccess } from './plan-access'
import { aMilestone, baseline, plan } from './plan-fixtures'
import { ganttItems, moveId } from './plan-items'
import { parsePlanView } from './use-plan-view'

const today = '2026-03-20'
const base = toValues(aMilestone(), today)

describe('milestone form', () => {
  it('sends only what changed', () => {
    expect(changesFrom(base, base)).toEqual({})
    expect(changesFrom(base, { ...base, name: ' Shaping ', weight: '12', depends_on: [] })).toEqual({ name: 'Shaping', weight: 12 })
    expect(changesFrom({ ...base, depends_on: ['a', 'b'] }, { ...base, depends_on: ['b', 'a'] })).toEqual({})
  })

  it.each([
    ['blocked with its reason', { status: 'blocked', status_reason: 'No budget' }, { status: 'blocked', status_reason: 'No budget' }],
    ['done on a day', { status: 'done', completed_on: '2026-03-19' }, { status: 'done', completed_on: '2026-03-19' }],
    ['back to planned', { status: 'in_progress' }, { status: 'in_progress' }],
  ] as const)('sends a status change %s', (_, change, expected) => {
    expect(changesFrom(base, { ...base, ...change })).toEqual(expected)
  })

  it('sends the status with a changed reason or completion date, which the API reads only with it', () => {
    const blocked = { ...base, status: 'blocked' as const, status_reason: 'Waiting' }
    expect(changesFrom(blocked, { ...blocked, status_reason: 'Still waiting' })).toEqual({ status: 'blocked', status_reason: 'Still waiting' })
  })

  it('splits dates from the rest', () => {
    expect(splitDates({ name: 'A', planned_due: '2026-04-01' })).toEqual({ dates: true, rest: { name: 'A' } })
    expect(splitDates({ gate: true })).toEqual({ dates: false, rest: { gate: true } })
  })

  it.each([
    ['an empty name', { name: ' ' }, 'name', 'errors.required'],
    ['a due before the start', { planned_due: '2026-03-01' }, 'planned_due', 'plan.errors.dueBeforeStart'],
    ['blocked without a reason', { status: 'blocked' }, 'status_reason', 'plan.errors.reasonRequired'],
    ['done in the future', { status: 'done', completed_on: '2026-03-21' }, 'completed_on', 'plan.errors.completedInFuture'],
    ['a fractional weight', { weight: 1.5 }, 'weight', 'plan.errors.weight'],
  ] as const)('refuses %s', (_, change, field, key) => {
    expect(validateMilestone({ ...base, ...change }, today)).toEqual({ [field]: key })
  })

  it('accepts done today', () => {
    expect(validateMilestone({ ...base, status: 'done', completed_on: today }, today)).toEqual({})
  })

  it('"use mine" keeps what the user changed and takes theirs for the rest', () => {
    const theirs = { ...base, weight: 20, exit_criteria: 'Signed off' }
    const typed = { ...base, name: 'Shaping', exit_criteria: 'My criteria' }
    expect(mergeMine(base, theirs, typed)).toEqual({ ...base, weight: 20, name: 'Shaping', exit_criteria: 'My criteria' })
  })
})

describe('plan access', () => {
  it.each([
    [['deal.plan:write', 'deal.baselines:write'], true, true, true, true],
    [['deal.plan.solution:write'], false, false, false, true],
    [['deal:read'], false, false, false, false],
  ])('%j → plan %s baselines %s pmo milestone %s solution milestone %s', (permissions, plan, baselines, pmo, solution) => {
    const access = planAccess(permissions)
    expect([access.canEditPlan, access.canTakeBaseline, access.canEdit({ owner_role: 'pmo' }), access.canEdit({ owner_role: 'solution' })])
      .toEqual([plan, baselines, pmo, solution])
  })
})

describe('names, view state, reordering', () => {
  it('shows the Chinese name in Chinese when there is one', () => {
    expect(milestoneName({ name: 'Award', name_zh: '中标' }, 'zh-CN')).toBe('中标')
    expect(milestoneName({ name: 'Award', name_zh: ' ' }, 'zh-CN')).toBe('Award')
    expect(milestoneName({ name: 'Award', name_zh: '中标' }, 'en')).toBe('Award')
  })

  it.each([
    ['', { view: 'gantt', zoom: 'month', baseline: null }],
    ['?view=table&zoom=week&baseline=b-2', { view: 'table', zoom: 'week', baseline: 'b-2' }],
    ['?view=pie&zoom=year', { view: 'gantt', zoom: 'month', baseline: null }],
  ])('parses %j', (search, expected) => {
    expect(parsePlanView(new URLSearchParams(search))).toEqual(expected)
  })

  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
  ])('moves index %i by %i', (index, delta, expected) => {
    expect(moveId(['a', 'b', 'c'], index, delta)).toEqual(expected)
  })
})

describe('baselines', () => {
  const older = { ...baseline, id: 'b-0', name: 'Draft', committed: false, milestones: baseline.milestones.map((m) => ({ ...m, planned_due: '2026-03-10' })) }
  const replan = { ...baseline, id: 'b-2', name: 'Re-plan', committed: false, taken_at: '2026-04-01T09:00:00Z' }

  it('compares with the chosen baseline, else the committed one — never just the newest', () => {
    expect(comparedBaseline([replan, baseline, older], 'b-0')).toBe(older)
    expect(comparedBaseline([replan, baseline, older], 'gone')).toBe(baseline)
    expect(comparedBaseline([replan, { ...baseline, committed: false }], null)?.id).toBe('b-1')
    expect(comparedBaseline([], null)).toBeNull()
    expect(rebaselineCount([replan, baseline, older])).toBe(2)
    expect(rebaselineCount([])).toBe(0)
  })

  it('compares any two baselines', () => {
    const diffs = baselineDiffs(plan, older, baseline)
    expect(diffs.map((d) => [d.milestone.id, d.then?.due, d.now.due, d.dueShift])).toEqual([
      ['m-1', '2026-03-10', '2026-03-13', 3], ['m-2', '2026-03-10', '2026-03-20', 10], ['m-3', '2026-03-10', '2026-03-27', 17],
    ])
  })

  it('lists the milestones whose dates moved, with the due shift', () => {
    const diffs = baselineDiffs(plan, baseline)
    expect(diffs.map((d) => [d.milestone.id, d.dueShift])).toEqual([['m-2', 7], ['m-3', 7]])
    expect(baselineDiffs([...plan, aMilestone({ id: 'm-new' })], baseline).at(-1)).toMatchObject({ then: null, dueShift: null })
  })

  it('draws ghosts and slip from the committed baseline as the server reports them, else from the chosen one', () => {
    const args = { milestones: plan, pending: null, canMove: () => true, nameOf: (m: { name: string }) => m.name }
    const latest = ganttItems({ ...args, compared: baseline, comparingCommitted: true })
    expect(latest[1]).toMatchObject({ ghost: { start: '2026-03-16', due: '2026-03-20' }, slipDays: 7 })
    const draft = ganttItems({ ...args, compared: older, comparingCommitted: false })
    expect(draft[1]).toMatchObject({ ghost: { start: '2026-03-16', due: '2026-03-10' }, slipDays: 17 })
    const moving = ganttItems({ ...args, compared: null, comparingCommitted: true, pending: { id: 'm-1', start: '2026-03-09', due: '2026-03-20' } })
    expect(moving[0]).toMatchObject({ start: '2026-03-09', due: '2026-03-20', ghost: null })
  })
})

describe('import problems', () => {
  it('turns the 422 fields into rows and columns, whole-file problems first', () => {
    expect(importProblems({ 'rows[5].owner_role': 'bad role', 'rows[3].planned_due': 'before start', columns: 'name missing' })).toEqual([
      { row: null, column: 'columns', message: 'name missing' },
      { row: 3, column: 'planned_due', message: 'before start' },
      { row: 5, column: 'owner_role', message: 'bad role' },
    ])
  })
})
