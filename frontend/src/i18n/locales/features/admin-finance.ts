import type { Widen } from '../messages'

/** English strings of Admin → Targets (`targets`). */
export const targetsEn = {
  tab: 'Targets',
  description: 'Revenue targets per period for the company and each team. Top-down is a node’s own target, bottom-up the sum of its child teams’ targets; a gap means the two disagree.',
  period: 'Period',
  tableLabel: 'Targets by team',
  scope: 'Company or team',
  topDown: 'Top-down',
  bottomUp: 'Bottom-up',
  gap: 'Gap',
  notSet: 'Not set',
  currencyNote: 'Amounts in {{currency}}, the reporting currency.',
  set: 'Set target for {{name}}',
  change: 'Change target of {{name}}',
  clear: 'Clear target of {{name}}',
  setTitle: 'Target of {{name}} for {{period}}',
  amount: 'Amount ({{currency}})',
  invalidAmount: 'Enter an amount of 0 or more, with at most {{digits}} decimals.',
  clearTitle: 'Clear the target?',
  clearMessage: 'The target of {{name}} for {{period}} is removed.',
  clearConfirm: 'Clear target',
  empty: 'There are no teams yet; the company’s target can still be set.',
} as const

/** Simplified Chinese strings of Admin → Targets; the type keeps the keys of targetsEn. */
export const targetsZh: Widen<typeof targetsEn> = {
  tab: '收入目标',
  description: '公司和各团队每个期间的收入目标。自上而下是节点自身的目标，自下而上是其下级团队目标之和；差额表示两者不一致。',
  period: '期间',
  tableLabel: '各团队目标',
  scope: '公司或团队',
  topDown: '自上而下',
  bottomUp: '自下而上',
  gap: '差额',
  notSet: '未设置',
  currencyNote: '金额单位为报告货币 {{currency}}。',
  set: '为 {{name}} 设置目标',
  change: '修改 {{name}} 的目标',
  clear: '清除 {{name}} 的目标',
  setTitle: '{{name}} 在 {{period}} 的目标',
  amount: '金额（{{currency}}）',
  invalidAmount: '请输入不小于 0 的金额，最多 {{digits}} 位小数。',
  clearTitle: '清除目标？',
  clearMessage: '将删除 {{name}} 在 {{period}} 的目标。',
  clearConfirm: '清除目标',
  empty: '还没有团队；仍可设置公司目标。',
}

/** English strings of Admin → FX rates (`fxRates`). */
export const fxRatesEn = {
  tab: 'FX rates',
  description: 'Each deal converts into the reporting currency at its period’s rate. A rate is the number of units of {{reporting}} per unit of the currency.',
  reporting: 'Reporting currency: {{currency}}',
  rateHelp: 'Units of {{reporting}} per unit of {{currency}}',
  filterPeriod: 'Period',
  filterCurrency: 'Currency',
  all: 'All',
  new: 'New rate',
  empty: 'No FX rates match.',
  tableLabel: 'FX rates',
  period: 'Period',
  currency: 'Currency',
  rate: 'Rate',
  rateValue: '1 {{currency}} = {{rate}} {{reporting}}',
  createTitle: 'New FX rate',
  editTitle: 'FX rate of {{currency}} for {{period}}',
  edit: 'Edit rate of {{currency}} for {{period}}',
  delete: 'Delete rate of {{currency}} for {{period}}',
  deleteTitle: 'Delete the FX rate?',
  deleteMessage: 'Deals in {{currency}} of {{period}} can no longer be converted until a rate is added again.',
  deleteConfirm: 'Delete rate',
  invalidRate: 'Enter a number above 0 and at most 1000000.',
} as const

/** Simplified Chinese strings of Admin → FX rates; the type keeps the keys of fxRatesEn. */
export const fxRatesZh: Widen<typeof fxRatesEn> = {
  tab: '汇率',
  description: '每个商机按其期间的汇率折算为报告货币。汇率表示每 1 单位该货币折合多少 {{reporting}}。',
  reporting: '报告货币：{{currency}}',
  rateHelp: '每 1 {{currency}} 折合的 {{reporting}} 数',
  filterPeriod: '期间',
  filterCurrency: '货币',
  all: '全部',
  new: '新增汇率',
  empty: '没有符合条件的汇率。',
  tableLabel: '汇率',
  period: '期间',
  currency: '货币',
  rate: '汇率',
  rateValue: '1 {{currency}} = {{rate}} {{reporting}}',
  createTitle: '新增汇率',
  editTitle: '{{currency}} 在 {{period}} 的汇率',
  edit: '编辑 {{currency}} 在 {{period}} 的汇率',
  delete: '删除 {{currency}} 在 {{period}} 的汇率',
  deleteTitle: '删除该汇率？',
  deleteMessage: '在重新添加汇率之前，{{period}} 的 {{currency}} 商机将无法折算。',
  deleteConfirm: '删除汇率',
  invalidRate: '请输入大于 0 且不超过 1000000 的数字。',
}

/** English strings of Admin → Settings (`reportingSettings`). */
export const reportingSettingsEn = {
  tab: 'Settings',
  description: 'The currency targets and the board report in, and the month the fiscal year starts in (it names fiscal quarters).',
  reportingCurrency: 'Reporting currency',
  reportingCurrencyHelp: 'Cannot change while any target or FX rate exists.',
  fiscalStart: 'Fiscal year starts in',
  fiscalStartHelp: 'Cannot change while targets or FX rates of fiscal quarters exist.',
  saved: 'Settings saved.',
} as const

/** Simplified Chinese strings of Admin → Settings; the type keeps the keys of reportingSettingsEn. */
export const reportingSettingsZh: Widen<typeof reportingSettingsEn> = {
  tab: '设置',
  description: '收入目标和看板使用的报告货币，以及财年的起始月份（决定财季的划分）。',
  reportingCurrency: '报告货币',
  reportingCurrencyHelp: '存在任何收入目标或汇率时不能修改。',
  fiscalStart: '财年起始月份',
  fiscalStartHelp: '存在财季的收入目标或汇率时不能修改。',
  saved: '设置已保存。',
}
