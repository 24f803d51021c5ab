import { BarChart, type BarSeriesOption } from 'echarts/charts'
import { GridComponent, type GridComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { WaterfallStep } from './waterfall'

// Bars on a grid drawn as SVG: the rest of ECharts stays out of the bundle.
registerECharts([BarChart, GridComponent, SVGRenderer])

const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<BarSeriesOption | GridComponentOption>

const colours = { total: '#4dabf7', up: '#2f9e44', down: '#e03131' }

/**
 * The waterfall's option: an invisible bar lifts each step to where the one before ended, a
 * visible bar spans the step (totals blue, gains green, losses red), labelled with `value`.
 */
export function waterfallOption(steps: readonly WaterfallStep[], labels: readonly string[], value: (step: WaterfallStep) => string, axis: (x: number) => string): Option {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...labels], axisLabel: { interval: 0, fontSize: 11, width: 80, overflow: 'break' } },
    yAxis: { type: 'value', axisLabel: { formatter: axis } },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: steps.map((s) => Math.min(s.from, s.to)),
      },
      {
        type: 'bar',
        stack: 'waterfall',
        barCategoryGap: '30%',
        label: { show: true, position: 'top', fontSize: 11, formatter: ({ dataIndex }: { dataIndex: number }) => value(steps[dataIndex]!) },
        data: steps.map((s) => ({
          value: Math.abs(s.to - s.from),
          itemStyle: { color: s.total ? colours.total : s.to >= s.from ? colours.up : colours.down },
        })),
      },
    ],
  }
}

/** The waterfall drawn by ECharts: a picture for the eye, its label carries the same figures. */
export default function WaterfallChart(props: { steps: readonly WaterfallStep[]; labels: readonly string[]; value: (step: WaterfallStep) => string; axis: (x: number) => string; label: string }) {
  return (
    <div role="img" aria-label={props.label}>
      <ReactEChartsCore echarts={echarts} option={waterfallOption(props.steps, props.labels, props.value, props.axis)} notMerge opts={{ renderer: 'svg' }} style={{ height: 280, width: '100%' }} />
    </div>
  )
}
