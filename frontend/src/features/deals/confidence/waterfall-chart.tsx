import { BarChart, type BarSeriesOption } from 'echarts/charts'
import { GridComponent, type GridComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import type { WaterfallBar } from './waterfall'

// Only what a bar chart on a grid needs, drawn as SVG: the rest of ECharts stays out of the bundle.
registerECharts([BarChart, GridComponent, SVGRenderer])

// All echarts-for-react calls; handing it these rather than the whole namespace keeps the rest of ECharts out.
const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<BarSeriesOption | GridComponentOption>

const COLORS = { total: '#228be6', up: '#2f9e44', down: '#e03131' } as const

/** The option of a waterfall: an invisible stack under each bar lifts it onto the running sum. */
export function waterfallOption(bars: readonly WaterfallBar[]): Option {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bars.map((bar) => bar.label), axisLabel: { interval: 0, width: 90, overflow: 'break', fontSize: 11, lineHeight: 14 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { type: 'bar', stack: 'waterfall', silent: true, itemStyle: { color: 'transparent' }, data: bars.map((bar) => bar.bottom) },
      {
        type: 'bar',
        stack: 'waterfall',
        barMaxWidth: 48,
        data: bars.map((bar) => ({ value: bar.height, itemStyle: { color: COLORS[bar.kind] } })),
        label: {
          show: true,
          position: 'top',
          formatter: (params) => {
            const bar = bars[params.dataIndex]
            if (!bar) return ''
            return bar.kind === 'total' ? `${bar.value}` : `${bar.value > 0 ? '+' : ''}${bar.value}`
          },
        },
      },
    ],
  }
}

/**
 * The waterfall of the factors drawn by ECharts. It is a picture for the eye only: the table
 * beside it carries the same figures for screen readers and keyboards.
 */
export default function WaterfallChart({ bars, label }: { bars: readonly WaterfallBar[]; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={waterfallOption(bars)} notMerge opts={{ renderer: 'svg' }} style={{ height: 300, width: '100%' }} />
    </div>
  )
}
