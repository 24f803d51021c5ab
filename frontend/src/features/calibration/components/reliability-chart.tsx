import { LineChart, ScatterChart, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { ReliabilityPoint } from '../reliability'

// A line (the diagonal and the bins joined) and sized points on a grid with a legend, drawn as SVG.
registerECharts([LineChart, ScatterChart, GridComponent, LegendComponent, SVGRenderer])

// All echarts-for-react calls; handing it these rather than the whole namespace keeps the rest of ECharts out.
const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption>

/** The words the chart shows, in the UI language. */
export interface ReliabilityChartText {
  predicted: string
  observed: string
  diagonal: string
}

const percent = (value: number) => `${Math.round(value * 100)} %`

/** The chart's option: the diagonal of perfect calibration, and each bin with deals as a point sized by its count. */
export function reliabilityOption(points: readonly ReliabilityPoint[], text: ReliabilityChartText): Option {
  const largest = Math.max(1, ...points.map((p) => p.count))
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    legend: { top: 0, data: [text.observed, text.diagonal] },
    xAxis: { type: 'value', min: 0, max: 1, interval: 0.1, name: text.predicted, nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: percent } },
    yAxis: { type: 'value', min: 0, max: 1, interval: 0.1, name: text.observed, nameLocation: 'middle', nameGap: 40, axisLabel: { formatter: percent } },
    series: [
      {
        name: text.diagonal,
        type: 'line',
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#868e96', type: 'dashed' },
        data: [[0, 0], [1, 1]],
      },
      {
        name: text.observed,
        type: 'line',
        symbol: 'none',
        lineStyle: { color: '#4dabf7', width: 1 },
        data: points.map((p) => [p.predicted, p.observed]),
      },
      {
        name: text.observed,
        type: 'scatter',
        itemStyle: { color: '#1c7ed6' },
        symbolSize: (value: number[]) => 8 + 16 * Math.sqrt((value[2] ?? 0) / largest),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: unknown }) => `n=${(p.value as number[])[2]}` },
        data: points.map((p) => [p.predicted, p.observed, p.count]),
      },
    ],
  }
}

/**
 * The reliability diagram drawn by ECharts. A picture for the eye only: its label and the bands
 * table beside it carry the same figures for screen readers.
 */
export default function ReliabilityChart(props: { points: readonly ReliabilityPoint[]; text: ReliabilityChartText; label: string }) {
  return (
    <div role="img" aria-label={props.label}>
      <ReactEChartsCore echarts={echarts} option={reliabilityOption(props.points, props.text)} notMerge opts={{ renderer: 'svg' }} style={{ height: 360, width: '100%' }} />
    </div>
  )
}
