import type { Widen } from '../messages'

/** English strings of the app's feedback: the notifications each save shows and the unsaved-edits guard (as `feedback`). */
export const feedbackEn = {
  rescheduled: 'Plan rescheduled.',
  baselineTaken: 'Baseline taken.',
  baselineCommitted: 'Committed baseline changed: slip is measured against it now.',
  retrospectiveSaved: 'Retrospective saved.',
  retrospectiveDeleted: 'Retrospective deleted.',
  gateDecisionRecorded: 'Gate decision recorded.',
  stanceChanged: 'Stance of {{name}} changed to {{stance}}.',
  stakeholderSaved: 'Stakeholder saved.',
  stakeholderAdded: 'Stakeholder added.',
  planImported: 'Plan imported.',
  importUndone: 'Import undone: the plan is as it was before.',
  milestoneSaved: 'Milestone saved.',
  dealCreated: 'Deal created.',
  dealSaved: 'Deal saved.',
  dealTeamSaved: 'Deal team saved.',
  actionDone: '“{{title}}” marked done.',
  actionReopened: '“{{title}}” is open again.',
  unsaved: {
    title: 'Discard unsaved changes?',
    body: 'You have changed this form without saving. Closing it now loses those changes.',
    discard: 'Discard changes',
    keep: 'Keep editing',
  },
} as const

/** Simplified Chinese strings of the app's feedback; same keys as feedbackEn. */
export const feedbackZh: Widen<typeof feedbackEn> = {
  rescheduled: '计划已重排。',
  baselineTaken: '已建立基线。',
  baselineCommitted: '承诺基线已更改：此后按它衡量延误。',
  retrospectiveSaved: '复盘已保存。',
  retrospectiveDeleted: '复盘已删除。',
  gateDecisionRecorded: '关口决策已记录。',
  stanceChanged: '{{name}} 的态度已改为“{{stance}}”。',
  stakeholderSaved: '干系人已保存。',
  stakeholderAdded: '干系人已添加。',
  planImported: '计划已导入。',
  importUndone: '已撤销导入：计划已恢复原样。',
  milestoneSaved: '里程碑已保存。',
  dealCreated: '商机已创建。',
  dealSaved: '商机已保存。',
  dealTeamSaved: '商机团队已保存。',
  actionDone: '“{{title}}”已标记为完成。',
  actionReopened: '“{{title}}”已重新打开。',
  unsaved: {
    title: '放弃未保存的修改？',
    body: '此表单有尚未保存的修改，现在关闭将丢失这些修改。',
    discard: '放弃修改',
    keep: '继续编辑',
  },
}
