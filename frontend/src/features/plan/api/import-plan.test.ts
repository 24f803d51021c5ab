import { afterEach, describe, expect, it, vi } from 'vitest'
import { configureApiClient } from '../../../lib/api-client'
import { jsonResponse } from '../../../test/render'
import { uploadPlan } from './import-plan'

afterEach(() => {
  configureApiClient({})
  vi.unstubAllGlobals()
})

describe('plan upload', () => {
  it('goes through the API client: a 401 ends the session like any other request', async () => {
    const onUnauthorized = vi.fn()
    configureApiClient({ csrfToken: () => 'tok', language: () => 'zh-CN', onUnauthorized })
    const fetchMock = vi.fn(async () => jsonResponse(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }))
    vi.stubGlobal('fetch', fetchMock)

    const upload = uploadPlan('d-1', new File(['seq,name\n'], 'plan.csv', { type: 'text/csv' }))

    await expect(upload).rejects.toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(onUnauthorized).toHaveBeenCalledOnce()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/deals/d-1/milestones/import')
    const headers = new Headers(init.headers)
    expect(headers.get('X-CSRF-Token')).toBe('tok')
    expect(headers.get('Accept-Language')).toBe('zh-CN')
    expect(headers.get('Content-Type')).toBeNull() // the browser sets multipart/form-data with its boundary
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
  })

  it('returns the imported milestones', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { items: [{ id: 'm-1' }] })))

    await expect(uploadPlan('d-1', new File(['x'], 'plan.csv'))).resolves.toEqual([{ id: 'm-1' }])
  })
})
