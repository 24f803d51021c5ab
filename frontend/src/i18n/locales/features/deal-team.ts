import type { Widen } from '../messages'

/** English strings of the deal team tab (`dealTeam`). */
export const dealTeamEn = {
  title: 'Deal team',
  description: 'Who runs this deal: the PMO owns the plan, business the customer’s people, solution what is delivered.',
  empty: 'No one is on the deal team yet.',
  person: 'Person',
  email: 'Email',
  rolesHeader: 'Roles',
  rolesOf: 'Roles of {{name}}',
  needsRole: 'Pick at least one role.',
  needsPmo: 'Keep at least one PMO on the deal team: someone has to run the deal and its plan.',
  remove: 'Remove {{name}}',
  add: 'Add a person',
  addPlaceholder: 'Search people',
  nobodyFound: 'Nobody found.',
  save: 'Save team',
  discard: 'Discard changes',
  avatarsLabel: 'Deal team: {{names}}',
} as const

/** Simplified Chinese strings of the deal team tab; the type keeps the keys of dealTeamEn. */
export const dealTeamZh: Widen<typeof dealTeamEn> = {
  title: '商机团队',
  description: '谁在运作这个商机：项目管理负责计划，商务负责客户关系，解决方案负责交付内容。',
  empty: '商机团队还没有成员。',
  person: '成员',
  email: '邮箱',
  rolesHeader: '角色',
  rolesOf: '{{name}} 的角色',
  needsRole: '请至少选择一个角色。',
  needsPmo: '商机团队至少要保留一名 PMO：需要有人负责商机及其计划。',
  remove: '移除 {{name}}',
  add: '添加成员',
  addPlaceholder: '搜索人员',
  nobodyFound: '未找到人员。',
  save: '保存团队',
  discard: '放弃修改',
  avatarsLabel: '商机团队：{{names}}',
}
