import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import apiSchema from '../../../lib/api-schema.ts?raw'
import { aDeal, pmoSession, teamsPage, usersPage } from '../../../test/deal-fixtures'
import { mockApi } from '../../../test/mock-api'
import { renderApp } from '../../../test/render'
import type { Activity } from '../api/activity'

/**
 * The actions the server writes: the ActivityAction enum of handlers/openapi.yaml (a Go test keeps
 * it equal to deals.ActivityActions, the list the store accepts) as `npm run gen:api` wrote it
 * into src/lib/api-schema.ts. Read from there so an action added on the server without a sentence
 * here fails this test.
 */
function documentedActions(): string[] {
  const union = /\bActivityAction: ((?:"[a-z_.]+"(?: \| )?)+);/.exec(apiSchema)
  if (!union?.[1]) throw new Error('src/lib/api-schema.ts has no ActivityAction')
  return union[1].split(' | ').map((quoted) => quoted.slice(1, -1))
}

const milestone = { name: 'Tender published', name_zh: '招标公告发布', owner_role: 'pmo', status: 'planned', planned_start: '2026-11-20', planned_due: '2026-12-01', gate: true }
const deal = { name: 'City data platform', team_id: 'team-north', amount_minor: 100_000, currency: 'CNY', status: 'open' }
const retro = { held_on: '2026-11-20', outcome: 'on_track', actions: 1 }

interface Case {
  before?: unknown
  after?: unknown
  en: [sentence: string, ...details: string[]]
  zh: [sentence: string, ...details: string[]]
}

/** Every action → an entry of it and its sentence (and detail lines) in English and Chinese. */
const CASES: Record<string, Case> = {
  'deal.created': {
    after: deal,
    en: ['Li Wei created the deal “City data platform”'],
    zh: ['Li Wei 创建了商机“City data platform”'],
  },
  'deal.updated': {
    before: deal,
    after: { ...deal, status: 'abandoned' },
    en: ['Li Wei changed the deal', 'Status: open → abandoned'],
    zh: ['Li Wei 修改了商机', '状态: 进行中 → 已放弃'],
  },
  'deal.team_set': {
    before: [{ user_id: 'u-pmo', role: 'pmo' }],
    after: [{ user_id: 'u-pmo', role: 'pmo' }, { user_id: 'u-am', role: 'business' }],
    en: ['Li Wei changed the deal team', 'Added Wang Fang as business'],
    zh: ['Li Wei 调整了商机团队', '添加 Wang Fang 为商务'],
  },
  'deal.judgement_updated': {
    before: { forecast_category: 'pipeline', manual_probability: null, judgement_note: '' },
    after: { forecast_category: 'commit', manual_probability: null, judgement_note: '' },
    en: ['Li Wei changed the judgement', 'Forecast category: Pipeline → Commit'],
    zh: ['Li Wei 修改了人工判断', '预测类别: 管道 → 承诺'],
  },
  'milestone.created': {
    after: milestone,
    en: ['Li Wei added the milestone “Tender published”'],
    zh: ['Li Wei 添加了里程碑“招标公告发布”'],
  },
  'milestone.updated': {
    before: milestone,
    after: { ...milestone, status: 'done' },
    en: ['Li Wei changed the milestone “Tender published”', 'Status: planned → done'],
    zh: ['Li Wei 修改了里程碑“招标公告发布”', '状态: 计划中 → 已完成'],
  },
  'milestone.deleted': {
    before: milestone,
    en: ['Li Wei deleted the milestone “Tender published”'],
    zh: ['Li Wei 删除了里程碑“招标公告发布”'],
  },
  'plan.reordered': {
    before: ['m-1', 'm-2'],
    after: ['m-2', 'm-1'],
    en: ['Li Wei reordered the plan'],
    zh: ['Li Wei 调整了计划顺序'],
  },
  'plan.rescheduled': {
    after: [{ milestone_id: 'm-1', name: 'Tender published', name_zh: '招标公告发布', from_due: '2026-12-01', to_due: '2026-12-08' }],
    en: ['Li Wei rescheduled the plan (1 moved)', 'Tender published: due Dec 1, 2026 → Dec 8, 2026'],
    zh: ['Li Wei 重排了计划（移动 1 项）', '招标公告发布：完成日期 2026年12月1日 → 2026年12月8日'],
  },
  'plan.imported': {
    before: { milestones: 14 },
    after: { milestones: 3 },
    en: ['Li Wei imported a plan of 3 milestones', 'Milestones: 14 → 3'],
    zh: ['Li Wei 导入了包含 3 个里程碑的计划', '里程碑: 14 → 3'],
  },
  'plan.import_undone': {
    before: { milestones: 3 },
    after: { milestones: 14 },
    en: ['Li Wei undid the plan import (14 milestones again)', 'Milestones: 3 → 14'],
    zh: ['Li Wei 撤销了计划导入（恢复为 14 个里程碑）', '里程碑: 3 → 14'],
  },
  'baseline.taken': {
    after: { name: 'Kick-off', reason: 'Agreed with the customer' },
    en: ['Li Wei took the baseline “Kick-off”', 'Reason: Agreed with the customer'],
    zh: ['Li Wei 保存了基线“Kick-off”', '原因：Agreed with the customer'],
  },
  'baseline.committed': {
    before: { name: 'Kick-off' },
    after: { name: 'Re-plan', reason: 'Scope added by the customer' },
    en: ['Li Wei made “Re-plan” the committed baseline, which slip is measured against', 'Committed until then: “Kick-off”', 'Reason: Scope added by the customer'],
    zh: ['Li Wei 将“Re-plan”设为承诺基线，此后按它衡量延误', '此前的承诺基线：“Kick-off”', '原因：Scope added by the customer'],
  },
  'stakeholder.created': {
    after: 'Director Zhao',
    en: ['Li Wei added Director Zhao to the stakeholders'],
    zh: ['Li Wei 将 Director Zhao 添加为干系人'],
  },
  'stakeholder.updated': {
    before: { stance: { from: 'neutral', to: 'supporter' }, influence: { from: 3, to: 5 } },
    after: 'Director Zhao',
    en: ['Li Wei updated the stakeholder Director Zhao', 'Influence: 3 → 5', 'Stance: Neutral → Supporter'],
    zh: ['Li Wei 更新了干系人 Director Zhao', '影响力: 3 → 5', '立场: 中立 → 支持者'],
  },
  'stakeholder.deleted': {
    before: 'Director Zhao',
    en: ['Li Wei removed Director Zhao from the stakeholders'],
    zh: ['Li Wei 将 Director Zhao 移出干系人'],
  },
  'retrospective.created': {
    after: { ...retro, outcome: 'at_risk', actions: 2 },
    en: ['Li Wei held a retrospective on Nov 20, 2026', 'Outcome: At risk', 'Action items: 2'],
    zh: ['Li Wei 于 2026年11月20日 进行了复盘', '结论: 有风险', '行动项: 2'],
  },
  'retrospective.updated': {
    before: retro,
    after: { ...retro, outcome: 'off_track' },
    en: ['Li Wei changed the retrospective of Nov 20, 2026', 'Outcome: On track → Off track'],
    zh: ['Li Wei 修改了 2026年11月20日 的复盘', '结论: 按计划推进 → 已偏离'],
  },
  'retrospective.deleted': {
    before: retro,
    en: ['Li Wei deleted the retrospective of Nov 20, 2026'],
    zh: ['Li Wei 删除了 2026年11月20日 的复盘'],
  },
  'action.updated': {
    before: { title: 'Send the quote', status: 'open' },
    after: { title: 'Send the quote', status: 'done' },
    en: ['Li Wei marked the action item “Send the quote” done', 'Status: open → done'],
    zh: ['Li Wei 将行动项“Send the quote”标记为已完成', '状态: 未完成 → 已完成'],
  },
  'gate.decided': {
    after: { decision: 'no_go', rationale: 'Budget cut', conditions: '', abandon_deal: true },
    en: ['Li Wei recorded a no-go decision at a gate', 'Rationale: Budget cut', 'Deal ended as abandoned: yes'],
    zh: ['Li Wei 在关口做出了“不通过”决策', '理由: Budget cut', '商机以放弃结束: 是'],
  },
}

const entries: Activity[] = Object.entries(CASES).map(([action, c], i) => ({
  id: `e${i}`,
  at: '2026-11-20T06:30:00Z',
  actor_id: 'u-pmo',
  actor_name: 'Li Wei',
  action: action as Activity['action'],
  entity_type: action.split('.')[0]!,
  entity_id: null,
  before: c.before ?? null,
  after: c.after ?? null,
}))

function show(locale: 'en' | 'zh-CN') {
  mockApi({
    'GET /me': { ...pmoSession, user: { ...pmoSession.user, locale } },
    'GET /teams': teamsPage,
    'GET /users': usersPage,
    'GET /deals/d-1': aDeal(),
    'GET /deals/d-1/activity': { items: entries, next_cursor: null },
  })
  renderApp('/deals/d-1/activity')
}

describe('activity sentences', () => {
  it('has an entry here for every action the server writes', () => {
    expect(Object.keys(CASES).sort()).toEqual(documentedActions().sort())
  })

  it.each([
    ['en', 'en'],
    ['zh-CN', 'zh'],
  ] as const)('words every action with its before → after in %s', async (locale, lang) => {
    show(locale)
    expect(await screen.findByText(CASES['deal.created']![lang][0])).toBeInTheDocument()
    for (const [action, c] of Object.entries(CASES)) {
      for (const line of c[lang]) {
        expect(screen.getAllByText(line, { exact: true }).length, `${action}: “${line}”`).toBeGreaterThan(0)
      }
    }
    // No entry falls back to its code.
    expect(screen.queryByText(/: [a-z]+\.[a-z_]+$/)).not.toBeInTheDocument()
  })
})
