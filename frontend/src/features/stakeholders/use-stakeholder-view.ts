import { useSearchParams } from 'react-router'

/** How the stakeholders are shown. */
export type StakeholderView = 'map' | 'org' | 'table'

/** Every view, in the order the switch offers them. */
export const STAKEHOLDER_VIEWS: readonly StakeholderView[] = ['map', 'org', 'table']

/** Reads `?view=`; anything unknown is the power map. */
export function parseStakeholderView(params: URLSearchParams): StakeholderView {
  const view = params.get('view') as StakeholderView | null
  return view && STAKEHOLDER_VIEWS.includes(view) ? view : 'map'
}

/** The chosen view, kept in the URL so a reload or a shared link shows the same one. */
export function useStakeholderView(): [StakeholderView, (view: StakeholderView) => void] {
  const [params, setParams] = useSearchParams()
  const update = (view: StakeholderView) =>
    setParams(
      (current) => {
        const search = new URLSearchParams(current)
        if (view === 'map') search.delete('view')
        else search.set('view', view)
        return search
      },
      { replace: true },
    )
  return [parseStakeholderView(params), update]
}
