import type { KeyboardEvent, PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../lib/format'
import type { GanttItem } from './gantt-item'
import { diamondPoints, type Rect, type Scale } from './layout'
import { statusFill } from './status-colors'

/** Pointer handlers from `useBarDrag` for one part of a bar. */
type DragHandlers = {
  onPointerDown: (event: PointerEvent<Element>) => void
  onPointerMove: (event: PointerEvent<Element>) => void
  onPointerUp: (event: PointerEvent<Element>) => void
  onPointerCancel: (event: PointerEvent<Element>) => void
}

/** Width of the grip on a bar's right edge that changes only the due date. */
const EDGE = 8

/** The outline of the bars on the critical path (and its legend swatch). */
export const CRITICAL = 'var(--mantine-color-orange-8)'

/**
 * One milestone's bar (with its gate diamond and slip label), a button that opens the
 * milestone. Draggable bars take the body to move and the right edge to change the due date.
 */
export function GanttBar(props: {
  item: GanttItem
  row: number
  bar: Rect
  scale: Scale
  dates: { start: string; due: string }
  dragging: boolean
  onOpen: (id: string) => void
  drag?: { body: DragHandlers; edge: DragHandlers }
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const { item, bar, dates } = props
  const status = t(`plan.status.${item.status}`)
  const breaks = item.legalBreaks ?? []
  const slip = item.slipDays !== null && item.slipDays !== 0 && !props.dragging
    ? t(item.slipDays > 0 ? 'plan.slip.late' : 'plan.slip.early', { days: Math.abs(item.slipDays) })
    : null
  // The name holds every text the bar shows (its slip), so speech input can name it (WCAG 2.5.3).
  const label =
    t('plan.gantt.bar', { name: item.label, start: format.date(dates.start), due: format.date(dates.due), status }) +
    (slip ? ` ${slip}` : '') +
    (item.assignee ? `, ${t('planTrust.assignee.label')}: ${item.assignee}` : '') +
    (item.critical ? ` — ${t('planTrust.critical.mark')}` : '') +
    (breaks.length > 0 ? ` — ${t('plan.checks.barMark', { rules: breaks.join('; ') })}` : '')
  const open = () => props.onOpen(item.id)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    open()
  }
  const labelX = bar.x + bar.width + (item.gate ? 12 : 5)
  const midY = bar.y + bar.height / 2
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      data-milestone-id={item.id}
      data-draggable={props.drag ? 'true' : undefined}
      data-legal-break={breaks.length > 0 ? 'true' : undefined}
      data-critical={item.critical ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onClick={props.drag ? undefined : open}
      style={{ cursor: props.drag ? (props.dragging ? 'grabbing' : 'grab') : 'pointer', touchAction: 'none', outline: props.dragging ? 'none' : undefined }}
      {...props.drag?.body}
    >
      <title>{label}</title>
      <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={3} style={{ fill: statusFill(item.status), opacity: props.dragging ? 0.8 : 1 }}
        {...(breaks.length > 0
          ? { stroke: 'var(--mantine-color-red-7)', strokeWidth: 2.5, strokeDasharray: '4 2' }
          : item.critical ? { stroke: CRITICAL, strokeWidth: 2.5 } : {})} />
      {breaks.length > 0 && (
        <text x={bar.x - 4} y={midY + 4} textAnchor="end" fontSize={12} fontWeight={700} style={{ fill: 'var(--mantine-color-red-7)' }}>§</text>
      )}
      {item.gate && (
        <polygon points={diamondPoints(props.scale, props.row, dates.due)} data-gate="true" strokeWidth={1.5} style={{ fill: statusFill(item.status), stroke: 'var(--mantine-color-dark-6)' }} />
      )}
      {slip && (
        <text x={labelX} y={midY + 4} fontSize={11} fontWeight={700} style={{ fill: `var(--mantine-color-${(item.slipDays ?? 0) > 0 ? 'red-7' : 'teal-7'})` }}>
          {slip}
        </text>
      )}
      {props.dragging && (
        <text x={bar.x} y={bar.y - 3} fontSize={11} fontWeight={600}>
          {`${format.date(dates.start)} – ${format.date(dates.due)}`}
        </text>
      )}
      {props.drag && (
        <rect
          data-resize-handle="true"
          x={bar.x + bar.width - EDGE / 2}
          y={bar.y}
          width={EDGE}
          height={bar.height}
          style={{ fill: 'transparent', cursor: 'ew-resize' }}
          {...props.drag.edge}
        />
      )}
    </g>
  )
}
