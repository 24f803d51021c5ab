import type { Widen } from '../messages'

/**
 * English strings of the plan-trust features (merged as `planTrust`): the committed
 * baseline, the plan against the target close, milestone assignees and the critical path.
 */
export const planTrustEn = {
  committed: {
    badge: 'Committed',
    against: 'Slip against “{{name}}”',
    rebaselined_one: 'Re-baselined {{count}} time',
    rebaselined_other: 'Re-baselined {{count}} times',
    commit: 'Commit',
    commitLabel: 'Commit to {{name}}',
    title: 'Commit to “{{name}}”',
    hint: 'Slippage is measured against the committed baseline. Until now that is “{{current}}”. The reason is kept in the activity trail.',
    reason: 'Why commit to this baseline?',
    submit: 'Commit to this baseline',
  },
  compare: {
    from: 'Compare',
    to: 'with',
    current: 'Current plan',
    committed: '{{name}} (committed)',
    same: 'Pick two different plans to compare.',
    title: 'Differences between “{{from}}” and “{{to}}”',
  },
  target: {
    line: 'Target close',
    warning: '{{gate}} is planned for {{due}}, {{days}} days after the target close ({{target}}).',
    warningShort: 'Plan {{days}} d after target',
    listTitle: 'The close gate ({{due}}) falls {{days}} days after the target close',
    moveTarget: 'Move target close to {{due}}',
    movePlan: 'Move {{gate}} to {{target}}',
    closeGate: 'The close gate',
    newDeal: 'With this template and start date, {{gate}} falls on {{due}}, {{days}} days after the target close.',
    startEarlier: 'Start on {{date}}',
  },
  assignee: {
    label: 'Assignee',
    placeholder: 'Pick someone from the deal team, or type to search',
    team: 'Deal team',
    others: 'Others',
    none: 'Unassigned',
    nobody: 'Nobody found',
  },
  critical: {
    legend: 'Critical path',
    mark: 'on the critical path',
  },
}

/** Simplified Chinese strings of the plan-trust features; the type keeps the keys of planTrustEn. */
export const planTrustZh: Widen<typeof planTrustEn> = {
  committed: {
    badge: '已承诺',
    against: '对照“{{name}}”的偏差',
    rebaselined_one: '已重设基线 {{count}} 次',
    rebaselined_other: '已重设基线 {{count}} 次',
    commit: '承诺',
    commitLabel: '承诺基线 {{name}}',
    title: '承诺基线“{{name}}”',
    hint: '偏差以承诺基线衡量，目前是“{{current}}”。原因会记入活动记录。',
    reason: '为什么承诺这条基线？',
    submit: '承诺这条基线',
  },
  compare: {
    from: '比较',
    to: '与',
    current: '当前计划',
    committed: '{{name}}（已承诺）',
    same: '请选择两个不同的计划进行比较。',
    title: '“{{from}}”与“{{to}}”的差异',
  },
  target: {
    line: '目标签约',
    warning: '{{gate}}计划于 {{due}}，比目标签约日期（{{target}}）晚 {{days}} 天。',
    warningShort: '计划晚于目标 {{days}} 天',
    listTitle: '关闭关口（{{due}}）比目标签约日期晚 {{days}} 天',
    moveTarget: '将目标签约日期改为 {{due}}',
    movePlan: '将{{gate}}移至 {{target}}',
    closeGate: '关闭关口',
    newDeal: '按此模板和开始日期，{{gate}}将落在 {{due}}，比目标签约日期晚 {{days}} 天。',
    startEarlier: '改为 {{date}} 开始',
  },
  assignee: {
    label: '负责人',
    placeholder: '从商机团队中选择，或输入以搜索',
    team: '商机团队',
    others: '其他人',
    none: '未指派',
    nobody: '未找到',
  },
  critical: {
    legend: '关键路径',
    mark: '位于关键路径上',
  },
}
