import { useSearchParams } from 'react-router'
import { isPeriod } from '../../../lib/periods'

/**
 * The period the workspace shows the confidence for, kept in the URL as `?period=2026-Q4` so a
 * link shares it; undefined (no or a malformed `period`) means the current fiscal quarter, which
 * the server chooses and names in its answer.
 */
export function useConfidencePeriod(): [string | undefined, (period: string) => void] {
  const [params, setParams] = useSearchParams()
  const period = params.get('period')
  const setPeriod = (next: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current)
        updated.set('period', next)
        return updated
      },
      { replace: true },
    )
  return [isPeriod(period) ? period : undefined, setPeriod]
}
