import { Box, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useEffectEvent, useId, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { phoneHiddenText } from '../../../components/phone-details'
import { GanttBar } from './gantt-bar'
import { GanttGrid, TargetLine, TodayLine } from './gantt-grid'
import { chartDates, type GanttItem } from './gantt-item'
import { arrowPath, barGeometry, dateToX, dragDates, ghostGeometry, HEADER_HEIGHT, makeScale, ROW_HEIGHT, rowTop, type Zoom } from './layout'
import { useBarDrag } from './use-bar-drag'

/** Width of the milestone-name column left of the timeline; on a phone it narrows to the numbers. */
const LABEL_WIDTH = { base: 44, sm: 240 }

/** Props of the Gantt chart. */
export interface GanttChartProps {
  items: GanttItem[]
  zoom: Zoom
  today: string
  /** The deal's target close date, drawn as a line; none when null. */
  targetClose?: string | null
  /** Opens a milestone (a click on its bar or name, or Enter on the bar). */
  onOpen: (id: string) => void
  /** A draggable bar was dropped on new dates. */
  onMove: (id: string, start: string, due: string) => void
}

/**
 * The plan as a Gantt chart in SVG: one row per milestone with its name on the left, a
 * week/month/quarter axis, today's line, bars coloured by status, baseline ghosts behind
 * them, gate diamonds, finish-to-start arrows and slip labels. Bars drag by whole days.
 */
export function GanttChart({ items, zoom, today, targetClose = null, onOpen, onMove }: GanttChartProps) {
  const { t } = useTranslation()
  const arrowId = `gantt-arrow-${useId().replace(/[^\w-]/g, '')}`
  const scroller = useRef<HTMLDivElement>(null)
  const scale = useMemo(() => makeScale(chartDates(items, today, targetClose), zoom), [items, today, targetClose, zoom])
  const { drag, bind } = useBarDrag(
    scale.pxPerDay,
    ({ id, mode, deltaDays }) => {
      const item = items.find((candidate) => candidate.id === id)
      if (!item) return
      const next = dragDates(item.start, item.due, deltaDays, mode)
      onMove(id, next.start, next.due)
    },
    onOpen,
  )

  // Open on today, a little in from the left edge, whenever the zoom changes (not on every edit,
  // so the scale and today are read when it runs rather than being reasons to run).
  const scrollToToday = useEffectEvent(() => {
    scroller.current?.scrollTo?.({ left: Math.max(0, dateToX(scale, today) - 120) })
  })
  useEffect(() => scrollToToday(), [zoom])

  const rows = items.map((item, row) => {
    const dates = drag?.id === item.id ? dragDates(item.start, item.due, drag.deltaDays, drag.mode) : item
    return { item, row, dates, bar: barGeometry(scale, row, dates.start, dates.due) }
  })
  const barOf = new Map(rows.map((r) => [r.item.id, r.bar]))
  const height = rowTop(items.length)

  return (
    <Box style={{ display: 'flex', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      <Box w={LABEL_WIDTH} style={{ flex: 'none', borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        <Box h={HEADER_HEIGHT} px="xs" style={{ display: 'flex', alignItems: 'center', borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
          <Text size="sm" fw={600} visibleFrom="sm">{t('plan.fields.milestone')}</Text>
          <Text size="sm" fw={600} hiddenFrom="sm" aria-hidden>#</Text>
        </Box>
        {items.map((item) => (
          <UnstyledButton key={item.id} onClick={() => onOpen(item.id)} h={ROW_HEIGHT} w="100%" px="xs" title={item.label}
            style={{ display: 'flex', alignItems: 'center', gap: 4, borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="sm" truncate="end" fw={item.critical ? 600 : undefined} style={{ flex: 1 }}>
              {item.sequence}.{' '}<span className={phoneHiddenText}>{item.label}</span>
            </Text>
            {item.assignee && <Text size="xs" c="dimmed" truncate="end" maw={90} data-testid="gantt-assignee">{item.assignee}</Text>}
          </UnstyledButton>
        ))}
      </Box>
      <Box ref={scroller} style={{ overflowX: 'auto', flex: 1 }}>
        <svg width={scale.width} height={height} role="group" aria-label={t('plan.gantt.label')} style={{ display: 'block', userSelect: 'none' }}>
          <defs>
            <marker id={arrowId} viewBox="0 0 6 6" refX={6} refY={3} markerWidth={6} markerHeight={6} orient="auto">
              <path d="M0,0 L6,3 L0,6 z" style={{ fill: 'var(--mantine-color-gray-6)' }} />
            </marker>
          </defs>
          <GanttGrid scale={scale} zoom={zoom} rows={items.length} />
          {rows.map(({ item, row }) =>
            item.ghost ? (
              <rect key={`ghost-${item.id}`} data-ghost="true" {...ghostGeometry(scale, row, item.ghost.start, item.ghost.due)} rx={3}
                strokeDasharray="3 2" style={{ fill: 'var(--mantine-color-gray-5)', fillOpacity: 0.3, stroke: 'var(--mantine-color-gray-6)' }} />
            ) : null,
          )}
          {rows.flatMap(({ item, bar }) =>
            item.dependsOn.flatMap((depId) => {
              const from = barOf.get(depId)
              if (!from) return []
              return [<path key={`${depId}-${item.id}`} d={arrowPath(from, bar).d} data-arrow={`${depId}>${item.id}`} fill="none"
                strokeWidth={1.2} markerEnd={`url(#${arrowId})`} style={{ stroke: 'var(--mantine-color-gray-6)' }} />]
            }),
          )}
          {rows.map(({ item, row, dates, bar }) => (
            <GanttBar key={item.id} item={item} row={row} bar={bar} scale={scale} dates={dates} dragging={drag?.id === item.id} onOpen={onOpen}
              drag={item.draggable ? { body: bind(item.id, 'move'), edge: bind(item.id, 'end') } : undefined} />
          ))}
          <TodayLine scale={scale} today={today} rows={items.length} />
          {targetClose && <TargetLine scale={scale} date={targetClose} rows={items.length} />}
        </svg>
      </Box>
    </Box>
  )
}
