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
    expect(url).toBe('/api/v1/deals/d-1/milestones/import?mode=merge')
    const headers = new Headers(init.headers)
    expect(headers.get('X-CSRF-Token')).toBe('tok')
    expect(headers.get('Accept-Language')).toBe('zh-CN')
    expect(headers.get('Content-Type')).toBeNull() // the browser sets multipart/form-data with its boundary
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
  })

  it('returns what the import changed and the version its undo must name', async () => {
    const summary = { id: 'i-1', mode: 'replace', added: 1, updated: 2, removed: 3, unchanged: 4 }
    const fetchMock = vi.fn(async () => jsonResponse(200, { items: [{ id: 'm-1' }], import: summary }, { ETag: '"8"' }))
    vi.stubGlobal('fetch', fetchMock)

    await expect(uploadPlan('d-1', new File(['x'], 'plan.csv'), 'replace')).resolves.toEqual({ summary, version: '8', milestones: [{ id: 'm-1' }] })
    expect((fetchMock.mock.calls[0] as unknown as [string])[0]).toBe('/api/v1/deals/d-1/milestones/import?mode=replace')
  })
})
