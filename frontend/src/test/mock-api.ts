import { vi } from 'vitest'
import { jsonResponse } from './render'

/** What a route handler gets: the request as the app sent it. */
export interface MockRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  body: unknown
}

/** A route's answer: a body for 200 JSON, or a function that builds any Response. */
export type MockRoute = unknown | ((request: MockRequest) => Response | Promise<Response>)

/**
 * Stubs `fetch` with a tiny fake of the API, keyed by `"METHOD /path"` without /api/v1 or the
 * query string, e.g. `{ 'GET /me': session, 'POST /auth/login': () => jsonResponse(401, …) }`.
 * Anything else answers 404 the way the server would. Returns the mock to inspect requests.
 */
export function mockApi(routes: Record<string, MockRoute>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = toRequest(input, init)
    const route = routes[`${request.method} ${request.path}`]
    if (route === undefined) return jsonResponse(404, { error: { code: 'not_found', message: 'Not found.' } })
    return typeof route === 'function' ? route(request) : jsonResponse(200, route)
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The requests the app made to `"METHOD /path"`, in order. */
export function requestsTo(fetchMock: ReturnType<typeof mockApi>, route: string): MockRequest[] {
  return fetchMock.mock.calls
    .map(([input, init]) => toRequest(input, init))
    .filter((request) => `${request.method} ${request.path}` === route)
}

/** A 401 as the server sends it when nobody is signed in. */
export function unauthenticated(): Response {
  return jsonResponse(401, { error: { code: 'unauthenticated', message: 'Sign in first.' } })
}

function toRequest(input: RequestInfo | URL, init?: RequestInit): MockRequest {
  const url = new URL(String(input), 'http://summit.test')
  return {
    method: init?.method ?? 'GET',
    path: url.pathname.replace(/^\/api\/v1/, ''),
    query: url.searchParams,
    headers: new Headers(init?.headers),
    body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
  }
}
