import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { API_BASE, api, type Schema } from '../../../lib/api-client'

/** `GET /boards/confidence`: the probability of meeting the target, with what moves it. */
export type ConfidenceBoard = Schema<'ConfidenceBoard'>
export type BoardDeal = Schema<'BoardDeal'>
export type BoardGate = Schema<'BoardGate'>
export type BoardFocus = Schema<'BoardFocus'>
export type BoardStakeholder = Schema<'BoardStakeholder'>
export type BoardTeam = Schema<'BoardTeam'>
export type BoardDistribution = Schema<'BoardDistribution'>

/** Whose probabilities roll up: the model's confidence or the PMOs' judgement. */
export type BoardBasis = ConfidenceBoard['basis']

/** What the board is asked for; undefined leaves the choice to the server (current quarter, company, model). */
export interface BoardQuery {
  period?: string
  teamId?: string
  basis?: BoardBasis
}

/** One page of the deals table: the server pages them by swing, largest first. */
export const BOARD_PAGE_SIZE = 25

export const boardQueryKey = ['boards', 'confidence'] as const

function queryParams(query: BoardQuery): Record<string, string | undefined> {
  return { period: query.period, team_id: query.teamId, basis: query.basis }
}

/**
 * The board for `query`, one page of its deals from `cursor` on. The previous answer stays on
 * screen while the next one loads, so switching a picker or a page does not blank the board.
 */
export function useConfidenceBoard(query: BoardQuery, cursor?: string) {
  return useQuery({
    queryKey: [...boardQueryKey, query.period ?? null, query.teamId ?? null, query.basis ?? null, cursor ?? null],
    queryFn: ({ signal }) =>
      api.get<ConfidenceBoard>('/boards/confidence', { signal, query: { ...queryParams(query), limit: BOARD_PAGE_SIZE, cursor } }),
    placeholderData: keepPreviousData,
  })
}

/** The address of the board as CSV or XLSX, for the same query (the browser sends the session cookie). */
export function boardExportHref(format: 'csv' | 'xlsx', query: BoardQuery): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(queryParams(query))) if (value) params.set(key, value)
  const search = params.toString()
  return `${API_BASE}/boards/confidence.${format}${search ? `?${search}` : ''}`
}
