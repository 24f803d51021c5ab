import { useLayoutEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'
import { isPeriod } from '../../lib/periods'
import type { BoardQuery } from './api/board'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The board's query from the URL (`?period=2026-Q4&team_id=…&basis=judgement`) and a search string for another one. */
export function boardSearch(query: BoardQuery): string {
  const params = new URLSearchParams()
  if (query.period) params.set('period', query.period)
  if (query.teamId) params.set('team_id', query.teamId)
  if (query.basis && query.basis !== 'model') params.set('basis', query.basis)
  const search = params.toString()
  return search ? `?${search}` : ''
}

/**
 * The period, team and basis the board shows, kept in the URL so a link shares them and Back
 * goes to the previous choice. Malformed values are ignored (the server's defaults apply).
 */
export function useBoardParams(): [BoardQuery, (change: Partial<BoardQuery>) => void] {
  const [params, setParams] = useSearchParams()
  const query = parseBoardQuery(params)
  // Two changes in quick succession (a period, then a team before the page re-rendered) must not
  // both build on the same old URL and lose the first: each builds on the last one asked for.
  // The URL moving on its own (Back, a link) resets it once the new URL is committed.
  const latest = useRef(query)
  useLayoutEffect(() => {
    latest.current = parseBoardQuery(params)
  }, [params])
  const change = (next: Partial<BoardQuery>) => {
    latest.current = { ...latest.current, ...next }
    setParams(new URLSearchParams(boardSearch(latest.current)))
  }
  return [query, change]
}

function parseBoardQuery(params: URLSearchParams): BoardQuery {
  const period = params.get('period')
  const team = params.get('team_id')
  const basis = params.get('basis')
  return {
    period: isPeriod(period) ? period : undefined,
    teamId: team && UUID.test(team) ? team : undefined,
    basis: basis === 'judgement' ? 'judgement' : 'model',
  }
}
