import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '../i18n/language'
import { teamsPage } from '../test/deal-fixtures'
import { adminSession, aUser } from '../test/fixtures'
import { mockApi, requestsTo, unauthenticated, type MockRequest } from '../test/mock-api'
import { jsonResponse, renderApp } from '../test/render'

// One language: the UI adopts the profile's language at sign-in and when /me loads, sends it as
// Accept-Language on every request, and the server (here a stand-in that honours the header the
// way handlers/request_context.go does) answers in it.

const meta = { name: 'Summit', version: 'test', fiscal_year_start_month: 1 }
const zhSession = { ...adminSession, user: aUser({ locale: 'zh-CN' }) }

/** A 503 worded in the language the request asks for, as the server words it. */
function databaseDown(request: MockRequest): Response {
  const chinese = request.headers.get('Accept-Language')?.toLowerCase().startsWith('zh') ?? false
  const message = chinese ? '数据库暂不可用，请稍后再试。' : 'The database is unavailable; try again shortly.'
  return jsonResponse(503, { error: { code: 'database_unavailable', message } })
}

function nav() {
  return within(screen.getByRole('navigation', { name: /main navigation|主导航/i }))
}

async function signIn(email: string, password: string, labels = { email: /Email/, password: /Password/, submit: 'Sign in' }) {
  await userEvent.type(await screen.findByLabelText(labels.email), email)
  await userEvent.type(screen.getByLabelText(labels.password), password)
  await userEvent.click(screen.getByRole('button', { name: labels.submit }))
}

describe('one language', () => {
  it('a zh-CN profile signing in on an English browser sees Chinese screens and Chinese server errors', async () => {
    expect(navigator.languages[0]).toMatch(/^en/) // jsdom's browser speaks English
    const fetchMock = mockApi({
      'GET /me': unauthenticated,
      'POST /auth/login': zhSession,
      'GET /meta': meta,
      'GET /teams': teamsPage,
      'GET /deals': databaseDown,
    })
    renderApp('/sign-in?next=%2Fdeals')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeInTheDocument()

    await signIn('admin@summit.example', 'summit-demo-2026')

    expect(await screen.findByRole('heading', { level: 1, name: '商机' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: '看板' })).toBeInTheDocument()
    expect(await screen.findByRole('alert')).toHaveTextContent('数据库暂不可用，请稍后再试。')
    expect(document.documentElement.lang).toBe('zh-CN')
    // The sign-in page asked in its own language; everything after it asks in the profile's.
    expect(requestsTo(fetchMock, 'POST /auth/login')[0]?.headers.get('Accept-Language')).toBe('en')
    const deals = requestsTo(fetchMock, 'GET /deals')
    expect(deals.length).toBeGreaterThan(0)
    for (const request of deals) expect(request.headers.get('Accept-Language')).toBe('zh-CN')
  })

  it('an English profile signing in on a page left in Chinese sees English screens', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN')
    mockApi({ 'GET /me': unauthenticated, 'POST /auth/login': adminSession, 'GET /meta': meta })
    renderApp('/sign-in')
    await userEvent.click(await screen.findByText('中文'))

    await signIn('admin@summit.example', 'summit-demo-2026', { email: /电子邮箱/, password: /^密码/, submit: '登录' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument()
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en') // the next sign-in page opens in English
  })

  it('loading /me adopts the profile’s language over the one remembered on this browser', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en')
    const fetchMock = mockApi({ 'GET /me': zhSession, 'GET /meta': meta, 'GET /teams': teamsPage, 'GET /deals': databaseDown })
    renderApp('/deals')

    expect(await screen.findByRole('heading', { level: 1, name: '商机' })).toBeInTheDocument()
    expect(await screen.findByRole('alert')).toHaveTextContent('数据库暂不可用，请稍后再试。')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
    for (const request of requestsTo(fetchMock, 'GET /deals')) expect(request.headers.get('Accept-Language')).toBe('zh-CN')
  })

  it('switching twice while the first save is under way leaves the profile on the last choice', async () => {
    let releaseFirst: () => void = () => undefined
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve))
    let version = 3
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /meta': meta,
      'PATCH /me': async (request: MockRequest) => {
        if (version === 3) await firstHeld
        version += 1
        const { locale } = request.body as { locale: 'en' | 'zh-CN' }
        return jsonResponse(200, aUser({ locale, version }), { ETag: `"${version}"` })
      },
    })
    renderApp('/board')

    await userEvent.click(await screen.findByText('中文'))
    expect(await nav().findByRole('link', { name: '看板' })).toBeInTheDocument()
    await userEvent.click(screen.getByText('English'))
    expect(await nav().findByRole('link', { name: 'Board' })).toBeInTheDocument()
    releaseFirst()

    await waitFor(() => expect(requestsTo(fetchMock, 'PATCH /me')).toHaveLength(2))
    const [first, second] = requestsTo(fetchMock, 'PATCH /me')
    expect(first?.body).toEqual({ locale: 'zh-CN' })
    expect(second?.body).toEqual({ locale: 'en' })
    expect(second?.headers.get('If-Match')).toBe('"4"')
    expect(nav().getByRole('link', { name: 'Board' })).toBeInTheDocument()
  })
})
