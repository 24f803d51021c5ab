import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import { axisTicks, weekendSpans } from './axis'
import { dateToX, HEADER_HEIGHT, rowTop, type Scale, type Zoom } from './layout'

const LINE = 'var(--mantine-color-gray-3)'
const TEXT = 'var(--mantine-color-dimmed)'

/** The chart's background: the two-tier time axis, weekend bands, row lines and grid. */
export function GanttGrid({ scale, zoom, rows }: { scale: Scale; zoom: Zoom; rows: number }) {
  const { i18n } = useTranslation()
  const axis = axisTicks(scale, zoom, i18n.language)
  const height = rowTop(rows)
  return (
    <g aria-hidden="true">
      {zoom !== 'quarter' &&
        weekendSpans(scale).map((band) => (
          <rect key={band.x} x={band.x} y={HEADER_HEIGHT} width={band.width} height={height - HEADER_HEIGHT} style={{ fill: 'var(--mantine-color-gray-0)' }} />
        ))}
      {Array.from({ length: rows }, (_, row) => (
        <line key={row} x1={0} x2={scale.width} y1={rowTop(row + 1)} y2={rowTop(row + 1)} style={{ stroke: 'var(--mantine-color-gray-2)' }} />
      ))}
      {axis.minor.map((tick) => (
        <g key={`minor-${tick.x}`}>
          <line x1={tick.x} x2={tick.x} y1={HEADER_HEIGHT / 2} y2={height} style={{ stroke: LINE }} strokeWidth={0.5} />
          <text x={tick.x + 3} y={HEADER_HEIGHT - 7} fontSize={11} style={{ fill: TEXT }}>
            {tick.width >= 28 ? tick.label : ''}
          </text>
        </g>
      ))}
      {axis.major.map((tick) => (
        <g key={`major-${tick.x}`}>
          <line x1={tick.x} x2={tick.x} y1={0} y2={height} style={{ stroke: 'var(--mantine-color-gray-4)' }} />
          <text x={tick.x + 4} y={15} fontSize={12} fontWeight={600}>
            {tick.width >= 40 ? tick.label : ''}
          </text>
        </g>
      ))}
      <line x1={0} x2={scale.width} y1={HEADER_HEIGHT} y2={HEADER_HEIGHT} style={{ stroke: 'var(--mantine-color-gray-4)' }} />
      <line x1={0} x2={scale.width} y1={HEADER_HEIGHT / 2} y2={HEADER_HEIGHT / 2} style={{ stroke: LINE }} strokeWidth={0.5} />
    </g>
  )
}

/** The vertical line through today, labelled in the axis. */
export function TodayLine({ scale, today, rows }: { scale: Scale; today: string; rows: number }) {
  const { t } = useTranslation()
  const x = dateToX(scale, today) + scale.pxPerDay / 2
  return (
    <g data-testid="today-line" pointerEvents="none">
      <line x1={x} x2={x} y1={HEADER_HEIGHT / 2} y2={rowTop(rows)} strokeDasharray="4 3" strokeWidth={1.5} style={{ stroke: 'var(--mantine-color-red-6)' }} />
      <rect x={x - 20} y={HEADER_HEIGHT / 2 + 3} width={40} height={15} rx={3} style={{ fill: 'var(--mantine-color-red-6)' }} />
      <text x={x} y={HEADER_HEIGHT / 2 + 14} fontSize={10} fontWeight={600} textAnchor="middle" style={{ fill: 'white' }}>
        {t('plan.gantt.today')}
      </text>
    </g>
  )
}

/** The vertical line through the deal's target close date, labelled in the axis. */
export function TargetLine({ scale, date, rows }: { scale: Scale; date: string; rows: number }) {
  const { t } = useTranslation()
  const format = useFormat()
  const x = dateToX(scale, date) + scale.pxPerDay
  const label = t('planTrust.target.line')
  return (
    <g data-testid="target-close-line" pointerEvents="none" role="img" aria-label={`${label}: ${format.date(date)}`}>
      <line x1={x} x2={x} y1={HEADER_HEIGHT / 2} y2={rowTop(rows)} strokeWidth={2} style={{ stroke: 'var(--mantine-color-violet-7)' }} />
      <rect x={x - 36} y={HEADER_HEIGHT / 2 + 3} width={72} height={15} rx={3} style={{ fill: 'var(--mantine-color-violet-7)' }} />
      <text x={x} y={HEADER_HEIGHT / 2 + 14} fontSize={10} fontWeight={600} textAnchor="middle" style={{ fill: 'white' }}>
        {label}
      </text>
    </g>
  )
}
