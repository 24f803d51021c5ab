/**
 * The one client for Summit's JSON API at /api/v1. Every request goes through `send`, so
 * cross-cutting rules (the CSRF header, what a 401 does) are added in `configureApiClient` once.
 */

import type { components, paths } from './api-schema'

/**
 * The API's types, generated from handlers/openapi.yaml into ./api-schema.ts (`npm run gen:api`):
 * features alias these (`type Deal = Schema<'Deal'>`) rather than writing the shapes by hand.
 */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name]

/** The JSON body an operation takes, e.g. `RequestBody<'/deals', 'post'>`. */
export type RequestBody<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends {
  requestBody?: { content: { 'application/json': infer Body } }
}
  ? Body
  : never

/** Where the API lives; the Go server and the Vite dev proxy both serve it here. */
export const API_BASE = '/api/v1'

/** Error codes the client makes up itself when there is no server error body to read. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  unexpectedResponse: 'unexpected_response',
} as const

/** The server's error body: `{"error": {"code", "message", "fields"?}}`. */
export type ApiErrorBody = Schema<'Error'>

/** A failed request: `status` is 0 when the server was never reached. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** Per-field messages from validation failures, keyed by the request's field names. */
  readonly fields: Readonly<Record<string, string>>
  /** From `Retry-After` on a 429 or 503: how many seconds to wait before trying again; null when absent. */
  readonly retryAfterSeconds: number | null

  constructor(
    status: number,
    code: string,
    message: string,
    fields: Record<string, string> = {},
    options?: ErrorOptions & { retryAfterSeconds?: number | null },
  ) {
    super(message, options)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null
  }

  /** True when the server was not reached at all (offline, DNS, connection refused). */
  get isNetworkError(): boolean {
    return this.status === 0
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Options for one request. */
export interface RequestOptions {
  method?: Method
  /**
   * Sent as JSON; a `FormData` goes as multipart/form-data instead, with the Content-Type
   * (and its boundary) left to the browser.
   */
  body?: unknown
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>
  /** The resource version the change is based on, sent as `If-Match: "<version>"`; a stale one gets 412. */
  ifMatch?: string | number
  /** False for the sign-in call, whose 401 means wrong credentials rather than an ended session. */
  reportUnauthorized?: boolean
  signal?: AbortSignal
}

/** A successful response: the parsed body, its status, and the resource version from `ETag`. */
export interface ApiResponse<T> {
  data: T
  status: number
  /** The ETag with its quotes removed, e.g. "7" for `ETag: "7"`; null when absent. */
  version: string | null
}

/** Cross-cutting behaviour that the session plugs in at start-up. */
export interface ApiClientConfig {
  /** Returns the CSRF token to send as `X-CSRF-Token` on POST, PUT, PATCH and DELETE. */
  csrfToken?: () => string | null
  /** Called once for every 401, before the error is thrown (e.g. to go to the sign-in page). */
  onUnauthorized?: (error: ApiError) => void
  /** Returns the UI language, sent as `Accept-Language` so server messages come back in it. */
  language?: () => string | null
}

let config: ApiClientConfig = {}

/** Replaces the client's cross-cutting behaviour; call once at start-up. */
export function configureApiClient(next: ApiClientConfig): void {
  config = next
}

/** Sends one request and returns the parsed body with its metadata, or throws `ApiError`. */
export async function send<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET'
  const headers = new Headers({ Accept: 'application/json' })
  const multipart = options.body instanceof FormData
  if (options.body !== undefined && !multipart) headers.set('Content-Type', 'application/json')
  if (options.ifMatch !== undefined) headers.set('If-Match', `"${options.ifMatch}"`)
  const csrf = method === 'GET' ? null : config.csrfToken?.()
  if (csrf) headers.set('X-CSRF-Token', csrf)
  const language = config.language?.()
  if (language) headers.set('Accept-Language', language)

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (options.signal?.aborted) throw cause // cancellation is not a failure to report
    throw new ApiError(0, CLIENT_ERROR_CODES.network, 'The server could not be reached.', {}, { cause })
  }

  if (!response.ok) {
    const error = await readError(response)
    if (error.status === 401 && options.reportUnauthorized !== false) config.onUnauthorized?.(error)
    throw error
  }
  return { data: await readBody<T>(response), status: response.status, version: readVersion(response) }
}

/** Shorthands that return only the body. */
export const api = {
  get: async <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await send<T>(path, { ...options, method: 'GET' })).data,
  post: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await send<T>(path, { ...options, method: 'POST', body })).data,
  put: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await send<T>(path, { ...options, method: 'PUT', body })).data,
  patch: async <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await send<T>(path, { ...options, method: 'PATCH', body })).data,
  delete: async <T = void>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    (await send<T>(path, { ...options, method: 'DELETE' })).data,
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value))
  }
  const search = params.toString()
  return `${API_BASE}${path}${search ? `?${search}` : ''}`
}

async function readBody<T>(response: Response): Promise<T> {
  const text = await response.text()
  if (text === '') return undefined as T // 204 No Content and friends
  try {
    return JSON.parse(text) as T
  } catch (cause) {
    throw new ApiError(response.status, CLIENT_ERROR_CODES.unexpectedResponse, 'The server sent a response that is not JSON.', {}, { cause })
  }
}

async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (isErrorBody(parsed)) {
    const { code, message, fields } = parsed.error
    return new ApiError(response.status, code, message, fields ?? {}, { retryAfterSeconds: readRetryAfter(response) })
  }
  // A proxy or a crash can answer with HTML or nothing; keep the status, which still says a lot.
  return new ApiError(response.status, CLIENT_ERROR_CODES.unexpectedResponse, `HTTP ${response.status}`)
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}

// Retry-After is either a number of seconds or an HTTP date.
function readRetryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After')?.trim()
  if (!value) return null
  if (/^\d+$/.test(value)) return Number(value)
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

function readVersion(response: Response): string | null {
  const etag = response.headers.get('ETag')
  return etag === null ? null : etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
}
