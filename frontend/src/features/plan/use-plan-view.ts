import { useSearchParams } from 'react-router'
import { ZOOMS, type Zoom } from './gantt/layout'

/** How the plan is shown: as a Gantt chart or a table. */
export type PlanView = 'gantt' | 'table'

/** The plan's view state as kept in the URL (`?view=&zoom=&baseline=`). */
export interface PlanViewState {
  view: PlanView
  zoom: Zoom
  /** The baseline to compare against; null = the latest. */
  baseline: string | null
}

const DEFAULTS: PlanViewState = { view: 'gantt', zoom: 'month', baseline: null }

/** Reads the view state; anything unknown falls back to the default. */
export function parsePlanView(params: URLSearchParams): PlanViewState {
  const view = params.get('view')
  const zoom = params.get('zoom') as Zoom | null
  return {
    view: view === 'table' ? 'table' : 'gantt',
    zoom: zoom && ZOOMS.includes(zoom) ? zoom : DEFAULTS.zoom,
    baseline: params.get('baseline') || null,
  }
}

/**
 * The plan's view state, kept in the URL so a reload or a shared link shows the same view.
 * Other parameters (the workspace's own) are left as they are.
 */
export function usePlanView(): [PlanViewState, (changes: Partial<PlanViewState>) => void] {
  const [params, setParams] = useSearchParams()
  const state = parsePlanView(params)
  const update = (changes: Partial<PlanViewState>) => {
    const next = { ...state, ...changes }
    setParams(
      (current) => {
        const search = new URLSearchParams(current)
        for (const key of ['view', 'zoom', 'baseline'] as const) {
          const value = next[key]
          if (value === null || value === DEFAULTS[key]) search.delete(key)
          else search.set(key, value)
        }
        return search
      },
      { replace: true },
    )
  }
  return [state, update]
}
