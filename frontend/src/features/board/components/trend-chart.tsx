import { LineChart, type LineSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, type GridComponentOption, type LegendComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { ConfidenceTrendPoint } from '../api/trend'

// Lines on a grid with a legend, drawn as SVG: the rest of ECharts stays out of the bundle.
registerECharts([LineChart, GridComponent, LegendComponent, SVGRenderer])

const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>

/** The series' names in the reader's language. */
export interface TrendNames {
  probability: string
  expected: string
  target: string
}

/**
 * The chart's option: the probability of target (left axis, percent) and the expected revenue
 * with the target line (right axis, money) at each week's snapshot.
 */
export function trendOption(points: readonly ConfidenceTrendPoint[], names: TrendNames, amount: (minor: number) => string, day: (iso: string) => string): Option {
  const hasTarget = points.some((p) => p.target_minor !== null)
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: points.map((p) => day(p.day)), axisLabel: { hideOverlap: true, fontSize: 11 } },
    yAxis: [
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => `${Math.round(value * 100)} %` } },
      { type: 'value', axisLabel: { formatter: (value: number) => amount(value) }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: names.probability,
        yAxisIndex: 0,
        itemStyle: { color: '#1c7ed6' },
        data: points.map((p) => p.probability_of_target),
      },
      { type: 'line', name: names.expected, yAxisIndex: 1, itemStyle: { color: '#2f9e44' }, data: points.map((p) => p.expected_minor) },
      ...(hasTarget
        ? [
            {
              type: 'line' as const,
              name: names.target,
              yAxisIndex: 1,
              symbol: 'none',
              itemStyle: { color: '#e03131' },
              lineStyle: { color: '#e03131', width: 2, type: 'dashed' as const },
              data: points.map((p) => p.target_minor),
            },
          ]
        : []),
    ],
  }
}

/** The trend drawn by ECharts; its label carries the same figures for screen readers. */
export default function TrendChart(props: { points: readonly ConfidenceTrendPoint[]; names: TrendNames; amount: (minor: number) => string; day: (iso: string) => string; label: string }) {
  return (
    <div role="img" aria-label={props.label}>
      <ReactEChartsCore echarts={echarts} option={trendOption(props.points, props.names, props.amount, props.day)} notMerge opts={{ renderer: 'svg' }} style={{ height: 260, width: '100%' }} />
    </div>
  )
}
