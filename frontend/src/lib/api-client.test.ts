import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse } from '../test/render'
import { api, ApiError, configureApiClient, send } from './api-client'

function stubFetch(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(impl)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function sentHeaders(fetchMock: ReturnType<typeof stubFetch>): Headers {
  return new Headers(fetchMock.mock.calls[0]?.[1]?.headers)
}

afterEach(() => configureApiClient({}))

describe('api client', () => {
  it('turns a JSON error response into an ApiError with status, code, message and fields', async () => {
    stubFetch(async () =>
      jsonResponse(422, {
        error: { code: 'validation_failed', message: 'Check the amount.', fields: { amount_minor: 'must be at least 0' } },
      }),
    )

    const error = await api.post('/deals', { amount_minor: -1 }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 422,
      code: 'validation_failed',
      message: 'Check the amount.',
      fields: { amount_minor: 'must be at least 0' },
      isNetworkError: false,
    })
  })

  it('keeps the status of an error response that is not JSON', async () => {
    stubFetch(async () => new Response('<html>Bad Gateway</html>', { status: 502 }))

    await expect(api.get('/meta')).rejects.toMatchObject({ status: 502, code: 'unexpected_response' })
  })

  it('reports a network failure as an ApiError with status 0', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch')
    })

    const error = await api.get('/meta').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, code: 'network_error', isNetworkError: true })
  })

  it('sends If-Match with the quoted version when asked, and reads the version from ETag', async () => {
    const fetchMock = stubFetch(async () => jsonResponse(200, { id: 'd1', version: 8 }, { ETag: '"8"' }))

    const response = await send('/deals/d1', { method: 'PATCH', body: { name: 'x' }, ifMatch: 7 })

    expect(fetchMock).toHaveBeenCalledWith('/api/v1/deals/d1', expect.objectContaining({ method: 'PATCH' }))
    expect(sentHeaders(fetchMock).get('If-Match')).toBe('"7"')
    expect(response.version).toBe('8')
  })

  it('sends no If-Match unless asked', async () => {
    const fetchMock = stubFetch(async () => jsonResponse(200, {}))

    await api.get('/meta', { query: { cursor: 'abc', limit: undefined } })

    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/meta?cursor=abc')
    expect(sentHeaders(fetchMock).has('If-Match')).toBe(false)
  })

  it('adds the CSRF header to unsafe requests and reports a 401 to the configured handler', async () => {
    const onUnauthorized = vi.fn()
    configureApiClient({ csrfToken: () => 'tok', onUnauthorized })
    const fetchMock = stubFetch(async () => jsonResponse(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }))

    await expect(api.delete('/deals/d1')).rejects.toMatchObject({ status: 401 })

    expect(sentHeaders(fetchMock).get('X-CSRF-Token')).toBe('tok')
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ status: 401, code: 'unauthenticated' }))
  })

  it('does not report the 401 of a request that expects one, such as signing in', async () => {
    const onUnauthorized = vi.fn()
    configureApiClient({ onUnauthorized })
    stubFetch(async () => jsonResponse(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password.' } }))

    await expect(api.post('/auth/login', {}, { reportUnauthorized: false })).rejects.toMatchObject({ status: 401 })

    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('sends the UI language as Accept-Language', async () => {
    configureApiClient({ language: () => 'zh-CN' })
    const fetchMock = stubFetch(async () => jsonResponse(200, {}))

    await api.get('/me')

    expect(sentHeaders(fetchMock).get('Accept-Language')).toBe('zh-CN')
  })

  it('reads Retry-After seconds from a 429', async () => {
    stubFetch(async () => jsonResponse(429, { error: { code: 'throttled', message: 'Slow down.' } }, { 'Retry-After': '600' }))

    await expect(api.post('/auth/login', {})).rejects.toMatchObject({ status: 429, code: 'throttled', retryAfterSeconds: 600 })
  })
})
