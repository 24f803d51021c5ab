import type { Widen } from '../messages'

/** English strings of a deal's confidence over time, on its confidence panel (`dealHistory`). */
export const dealHistoryEn = {
  title: 'Confidence over time',
  loading: 'Loading the confidence history…',
  empty: 'No history yet: Summit keeps a snapshot of each open deal every day.',
  chartLabel: 'Line chart of the confidence for {{period}} and the chance of winning, day by day. The list below names each move.',
  confidence: 'Confidence ({{period}})',
  pWin: 'Chance of winning',
  movesTitle: 'What moved it',
  noMoves: 'No move of half a point or more in this history.',
  moveLabel: 'Move from {{from}} to {{to}}',
  span: '{{from}} → {{to}}',
  confidenceMove: 'Confidence {{before}} → {{after}}',
  pWinMove: 'chance of winning {{before}} → {{after}}',
  outsideWindow: 'not computed',
  factorMove: '{{before}} → {{after}} pts',
  timing: 'Timing: closes in the period {{before}} → {{after}}',
  noActivity: 'No activity recorded in between.',
  moreActivity_one: 'See the {{count}} change in between',
  moreActivity_other: 'See all {{count}} changes in between',
  showAll: 'Show all {{count}} moves',
}

/** Chinese strings of a deal's confidence over time (`dealHistory`). */
export const dealHistoryZh: Widen<typeof dealHistoryEn> = {
  title: '把握度走势',
  loading: '正在加载把握度历史…',
  empty: '暂无历史：Summit 每天为每个进行中的商机保存一次快照。',
  chartLabel: '{{period}} 把握度与赢单概率的逐日折线图。下方列表说明每次变动。',
  confidence: '把握度（{{period}}）',
  pWin: '赢单概率',
  movesTitle: '变动原因',
  noMoves: '这段历史中没有半个百分点以上的变动。',
  moveLabel: '{{from}} 至 {{to}} 的变动',
  span: '{{from}} → {{to}}',
  confidenceMove: '把握度 {{before}} → {{after}}',
  pWinMove: '赢单概率 {{before}} → {{after}}',
  outsideWindow: '未计算',
  factorMove: '{{before}} → {{after}} 个百分点',
  timing: '时间因素：期间内签约的概率 {{before}} → {{after}}',
  noActivity: '期间没有活动记录。',
  moreActivity_one: '查看期间的 {{count}} 条变更',
  moreActivity_other: '查看期间的全部 {{count}} 条变更',
  showAll: '显示全部 {{count}} 次变动',
}
