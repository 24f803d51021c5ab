import { send, type Schema } from '../../../lib/api-client'
import type { Milestone } from './types'

/** Merge (update by key, add new, keep the rest; the default) or replace the plan. */
export type ImportMode = 'merge' | 'replace'

/** What an import did: counts, its mode and the id that undoes it. */
export type ImportSummary = Schema<'PlanImportResult'>['import']

/** An import's answer: the summary and the deal version its undo must name (If-Match). */
export interface ImportOutcome {
  summary: ImportSummary
  version: string | null
  milestones: Milestone[]
}

const importPath = (dealId: string) => `/deals/${encodeURIComponent(dealId)}/milestones/import`

/**
 * `POST /deals/{id}/milestones/import?mode=…` as multipart (field `file`), through the one client
 * so the CSRF and language headers and the 401 handling are the same as for every JSON call.
 */
export async function uploadPlan(dealId: string, file: File, mode: ImportMode = 'merge'): Promise<ImportOutcome> {
  const body = new FormData()
  body.append('file', file)
  const response = await send<Schema<'PlanImportResult'>>(importPath(dealId), { method: 'POST', body, query: { mode } })
  return { summary: response.data.import, version: response.version, milestones: response.data.items }
}

/** `POST /deals/{id}/milestones/import/{import_id}/undo` at the version the import answered with (412 once the plan changed). */
export async function undoImport(dealId: string, importId: string, version: string | number): Promise<Milestone[]> {
  const path = `${importPath(dealId)}/${encodeURIComponent(importId)}/undo`
  return (await send<{ items: Milestone[] }>(path, { method: 'POST', ifMatch: version })).data.items
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
