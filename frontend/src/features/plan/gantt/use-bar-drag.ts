import { useRef, useState, type PointerEvent } from 'react'
import { snapDays, type DragMode } from './layout'

/** A drag under way: which bar, which part of it, and how many days it has moved so far. */
export interface DragState {
  id: string
  mode: DragMode
  deltaDays: number
}

interface Pending extends DragState {
  originX: number
  moved: boolean
}

/** Pointer travel (px) below which a press counts as a click, not a drag. */
const CLICK_SLOP = 3

/**
 * Horizontal dragging of Gantt bars with the pointer captured, snapped to whole days. A drop
 * that moved at least a day calls `onDrop`; a press that did not move calls `onClick`.
 */
export function useBarDrag(pxPerDay: number, onDrop: (drag: DragState) => void, onClick: (id: string) => void) {
  const pending = useRef<Pending | null>(null)
  const [drag, setDrag] = useState<DragState | null>(null)

  const update = (next: Pending | null) => {
    pending.current = next
    setDrag(next && { id: next.id, mode: next.mode, deltaDays: next.deltaDays })
  }

  /** The pointer handlers for the body (`move`) or right edge (`end`) of bar `id`. */
  const bind = (id: string, mode: DragMode) => ({
    onPointerDown: (event: PointerEvent<Element>) => {
      if (event.button !== 0) return
      event.stopPropagation()
      event.currentTarget.setPointerCapture?.(event.pointerId)
      update({ id, mode, deltaDays: 0, originX: event.clientX, moved: false })
    },
    onPointerMove: (event: PointerEvent<Element>) => {
      const current = pending.current
      if (!current || current.id !== id || current.mode !== mode) return
      const dx = event.clientX - current.originX
      const deltaDays = snapDays(dx, pxPerDay)
      const moved = current.moved || Math.abs(dx) > CLICK_SLOP
      if (deltaDays !== current.deltaDays || moved !== current.moved) update({ ...current, deltaDays, moved })
    },
    onPointerUp: () => {
      const current = pending.current
      if (!current || current.id !== id) return
      update(null)
      if (current.deltaDays !== 0) onDrop({ id, mode: current.mode, deltaDays: current.deltaDays })
      else if (!current.moved) onClick(id)
    },
    onPointerCancel: () => update(null),
  })

  return { drag, bind }
}
