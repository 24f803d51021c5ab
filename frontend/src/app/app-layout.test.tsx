import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '../i18n/language'
import { adminSession, aUser, memberSession } from '../test/fixtures'
import { mockApi, requestsTo } from '../test/mock-api'
import { jsonResponse, renderApp } from '../test/render'

const meta = { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 }

function nav() {
  return within(screen.getByRole('navigation', { name: /main navigation|主导航/i }))
}

describe('app layout', () => {
  it('shows the three sections in English and marks the open one', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /meta': meta })
    renderApp('/deals')

    expect(await screen.findByRole('heading', { level: 1, name: 'Deals' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: 'Board' })).toHaveAttribute('href', '/board')
    expect(nav().getByRole('link', { name: 'Deals' })).toHaveAttribute('aria-current', 'page')
    expect(nav().getByRole('link', { name: 'Admin' })).not.toHaveAttribute('aria-current')
  })

  it('switches to Chinese at once, remembers it, sets <html lang> and saves it to the profile', async () => {
    const fetchMock = mockApi({
      'GET /me': adminSession,
      'GET /meta': meta,
      'PATCH /me': () => jsonResponse(200, aUser({ locale: 'zh-CN', version: 4 }), { ETag: '"4"' }),
    })
    renderApp('/board')

    await userEvent.click(await screen.findByText('中文'))

    expect(await nav().findByRole('link', { name: '看板' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: '商机' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: '管理' })).toBeInTheDocument()
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
    const [patch] = requestsTo(fetchMock, 'PATCH /me')
    expect(patch?.body).toEqual({ locale: 'zh-CN' })
    expect(patch?.headers.get('If-Match')).toBe('"3"')
    expect(patch?.headers.get('X-CSRF-Token')).toBe('csrf-admin')
    expect(patch?.headers.get('Accept-Language')).toBe('zh-CN')
  })

  it.each([
    ['en', 'Skip to content'],
    ['zh-CN', '跳到正文'],
  ] as const)('offers a skip link (%s) as the first stop of the keyboard, which moves the focus to the page', async (locale, name) => {
    mockApi({ 'GET /me': { ...memberSession, user: { ...memberSession.user, locale } }, 'GET /meta': meta })
    renderApp('/deals')
    await screen.findByRole('heading', { level: 1 })

    await userEvent.tab()
    const skip = screen.getByRole('link', { name })
    expect(skip).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('redirects / to the board', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /meta': meta })
    const { router } = renderApp('/')

    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/board')
  })

  it('shows a not-found page with a way home for an unknown route', async () => {
    mockApi({ 'GET /me': adminSession })
    renderApp('/no-such-page')

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the board' })).toHaveAttribute('href', '/board')
  })

  it('shows who is signed in and their role in the user menu', async () => {
    mockApi({ 'GET /me': memberSession, 'GET /meta': meta })
    renderApp('/board')

    await userEvent.click(await screen.findByRole('button', { name: /Mo Member/ }))

    expect(screen.getByRole('button', { name: /Mo Member\s*Member/ })).toBeInTheDocument()
    expect(await screen.findByRole('menuitem', { name: 'Profile' })).toHaveAttribute('href', '/profile')
    expect(screen.getByRole('menuitem', { name: 'API tokens' })).toHaveAttribute('href', '/profile/tokens')
    expect(screen.getByRole('menuitem', { name: 'Sign out' })).toBeInTheDocument()
  })

  it('hides Admin from a member without admin permissions and refuses /admin pages', async () => {
    mockApi({ 'GET /me': memberSession })
    renderApp('/admin/users')

    expect(await screen.findByText('You don’t have access to administration.')).toBeInTheDocument()
    expect(nav().getByRole('link', { name: 'Board' })).toBeInTheDocument()
    expect(nav().queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
  })

  it('shows Admin to someone who may only read the audit log, opening that section', async () => {
    mockApi({
      'GET /me': { ...memberSession, permissions: ['users:read', 'teams:read', 'audit:read'] },
      'GET /audit': { items: [], next_cursor: null },
    })
    const { router } = renderApp('/admin')

    expect(await screen.findByText('No entries.')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/admin/audit')
    expect(nav().getByRole('link', { name: 'Admin' })).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: 'Users' })).not.toBeInTheDocument()
  })
})
