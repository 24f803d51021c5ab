import { API_BASE, ApiError, CLIENT_ERROR_CODES } from '../../../lib/api-client'
import type { ItemList, Milestone } from './types'

/**
 * `POST /deals/{id}/milestones/import` as multipart (field `file`). The shared client only
 * sends JSON, so this one request is made here with the same CSRF and language headers and
 * the same `ApiError` on failure.
 */
export async function uploadPlan(
  dealId: string,
  file: File,
  headers: { csrfToken: string | null; language: string },
): Promise<Milestone[]> {
  const body = new FormData()
  body.append('file', file)
  const sent = new Headers({ Accept: 'application/json', 'Accept-Language': headers.language })
  if (headers.csrfToken) sent.set('X-CSRF-Token', headers.csrfToken)
  let response: Response
  try {
    response = await fetch(`${API_BASE}/deals/${encodeURIComponent(dealId)}/milestones/import`, {
      method: 'POST',
      headers: sent,
      body,
      credentials: 'same-origin',
    })
  } catch (cause) {
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'The server could not be reached.', {}, { cause })
  }
  const parsed: unknown = await response.json().catch(() => undefined)
  if (response.ok && parsed) return (parsed as ItemList<Milestone>).items
  const error = (parsed as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error
  if (error?.code && error.message) throw new ApiError(response.status, error.code, error.message, error.fields ?? {})
  throw new ApiError(response.status, CLIENT_ERROR_CODES.unexpectedResponse, `HTTP ${response.status}`)
}

/** One problem of a rejected import: the sheet row (null for the whole file) and column. */
export interface ImportProblem {
  row: number | null
  column: string
  message: string
}

/**
 * The 422's `fields` as a table: `rows[3].planned_due` → row 3, column planned_due; keys
 * without a row (`columns`, `file`, `depends_on`) concern the whole file and come first.
 */
export function importProblems(fields: Readonly<Record<string, string>>): ImportProblem[] {
  return Object.entries(fields)
    .map(([key, message]) => {
      const match = /^rows\[(\d+)\](?:\.(.+))?$/.exec(key)
      return match ? { row: Number(match[1]), column: match[2] ?? '', message } : { row: null, column: key, message }
    })
    .sort((a, b) => (a.row ?? -1) - (b.row ?? -1) || a.column.localeCompare(b.column))
}
