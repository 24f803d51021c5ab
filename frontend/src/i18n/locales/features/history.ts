import type { Widen } from '../messages'

/** English strings of the forecast's history (`history`): the board's trend. */
export const historyEn = {
  trend: {
    title: 'Trend',
    description: 'Probability of target and expected revenue each week of the period, from the daily forecast snapshots.',
    probability: 'Probability of target',
    expected: 'Expected revenue',
    target: 'Target',
    noTarget: 'no target',
    point: '{{day}}: {{probability}}, expected {{expected}}',
    label: 'Trend by week: {{points}}.',
    empty: 'No snapshot of this period yet: Summit takes one every day, so the trend starts with the period.',
    restricted: 'The trend is rolled up over every deal of this scope, so it is shown to those who may read all of them. Pick a team of yours.',
    failed: 'The trend could not be loaded.',
  },
}

export const historyZh: Widen<typeof historyEn> = {
  trend: {
    title: '趋势',
    description: '本期每周的目标达成概率和预期收入，取自每日的预测快照。',
    probability: '达成目标的概率',
    expected: '预期收入',
    target: '目标',
    noTarget: '无目标',
    point: '{{day}}：{{probability}}，预期 {{expected}}',
    label: '每周趋势：{{points}}。',
    empty: '本期还没有快照：Summit 每天记录一次，趋势从本期开始累积。',
    restricted: '趋势汇总了该范围内的全部商机，只向能查看全部商机的人显示。请选择您所在的团队。',
    failed: '无法加载趋势。',
  },
}
