import { BarChart, type BarSeriesOption } from 'echarts/charts'
import { GridComponent, MarkLineComponent, type GridComponentOption, type MarkLineComponentOption } from 'echarts/components'
import { dispose, getInstanceByDom, init, use as registerECharts, type ComposeOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ReactEChartsCore from 'echarts-for-react/esm/core'
import { barIndexOf, type DistributionBar } from '../board-math'

// Only bars on a grid with marker lines, drawn as SVG: the rest of ECharts (a tooltip too) stays out of the bundle.
registerECharts([BarChart, GridComponent, MarkLineComponent, SVGRenderer])

// All echarts-for-react calls; handing it these rather than the whole namespace keeps the rest of ECharts out.
const echarts = { init, getInstanceByDom, dispose }

type Option = ComposeOption<BarSeriesOption | GridComponentOption | MarkLineComponentOption>

/** A revenue figure marked on the chart: the target (red) or a percentile (grey). */
export interface DistributionMark {
  name: string
  valueMinor: number
  target?: boolean
}

/** The chart's option: one bar per revenue cell, its height the chance, lines at the marks. */
export function distributionOption(bars: readonly DistributionBar[], marks: readonly DistributionMark[], amount: (minor: number) => string): Option {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'category', data: bars.map((bar) => amount(bar.fromMinor)), axisLabel: { hideOverlap: true, fontSize: 11 } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 1000) / 10} %` } },
    series: [
      {
        type: 'bar',
        barCategoryGap: '10%',
        itemStyle: { color: '#4dabf7' },
        data: bars.map((bar) => bar.mass),
        markLine: {
          silent: true,
          symbol: 'none',
          label: { position: 'end', formatter: '{b}', fontSize: 11 },
          data: marks
            .filter(() => bars.length > 0)
            .map((mark) => ({
              name: mark.name,
              xAxis: barIndexOf(bars, mark.valueMinor),
              lineStyle: mark.target ? { color: '#e03131', width: 2, type: 'solid' as const } : { color: '#495057', type: 'dashed' as const },
            })),
        },
      },
    ],
  }
}

/**
 * The revenue distribution drawn by ECharts. A picture for the eye only: its label (and the
 * headline cards) carry the same figures for screen readers.
 */
export default function DistributionChart(props: { bars: readonly DistributionBar[]; marks: readonly DistributionMark[]; amount: (minor: number) => string; label: string }) {
  return (
    <div role="img" aria-label={props.label}>
      <ReactEChartsCore echarts={echarts} option={distributionOption(props.bars, props.marks, props.amount)} notMerge opts={{ renderer: 'svg' }} style={{ height: 260, width: '100%' }} />
    </div>
  )
}
