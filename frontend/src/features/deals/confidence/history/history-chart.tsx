import { LineChart, type LineSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'

// Only lines on a grid with a legend, drawn as SVG: the rest of ECharts stays out of the bundle.
registerECharts([LineChart, GridComponent, LegendComponent, SVGRenderer])

// All echarts-for-react calls; handing it these rather than the whole namespace keeps the rest of ECharts out.
const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>

/** One day of the line: the chance of winning and the confidence for the period (null outside its window). */
export interface HistoryPoint {
  day: string
  p_win: number
  confidence: number | null
}

/** The names of the two lines, in the reader's language. */
export interface HistoryLineNames {
  confidence: string
  pWin: string
}

const percent = (p: number | null) => (p === null ? null : Math.round(p * 1000) / 10)

/**
 * The option of the history chart: the confidence (solid) and the chance of winning (dashed)
 * over the days, in percent on a 0–100 axis; a day outside the period's window breaks the line.
 */
export function historyOption(points: readonly HistoryPoint[], names: HistoryLineNames): Option {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [names.confidence, names.pWin] },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'line',
        name: names.confidence,
        showSymbol: points.length < 40,
        itemStyle: { color: '#228be6' },
        data: points.map((p) => [p.day, percent(p.confidence)]),
      },
      {
        type: 'line',
        name: names.pWin,
        showSymbol: false,
        itemStyle: { color: '#868e96' },
        lineStyle: { type: 'dashed' },
        data: points.map((p) => [p.day, percent(p.p_win)]),
      },
    ],
  }
}

/** The history line drawn by ECharts: a picture for the eye; the moves listed under it carry the figures. */
export default function HistoryChart({ points, names, label }: { points: readonly HistoryPoint[]; names: HistoryLineNames; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={historyOption(points, names)} notMerge opts={{ renderer: 'svg' }} style={{ height: 260, width: '100%' }} />
    </div>
  )
}
