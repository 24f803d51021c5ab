import { api } from '../../../lib/api-client'
import type { ItemList, Milestone } from './types'

/**
 * `POST /deals/{id}/milestones/import` as multipart (field `file`), through the one client so
 * the CSRF and language headers and the 401 handling are the same as for every JSON call.
 */
export async function uploadPlan(dealId: string, file: File): Promise<Milestone[]> {
  const body = new FormData()
  body.append('file', file)
  return (await api.post<ItemList<Milestone>>(`/deals/${encodeURIComponent(dealId)}/milestones/import`, body)).items
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
