import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '../i18n/language'
import { jsonResponse, renderApp } from '../test/render'

function nav() {
  return within(screen.getByRole('navigation', { name: /main navigation|主导航/i }))
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 })))
})

describe('app layout', () => {
  it('shows the three sections in English and marks the open one', async () => {
    renderApp('/deals')

    expect(nav().getByRole('link', { name: 'Board' })).toHaveAttribute('href', '/board')
    expect(nav().getByRole('link', { name: 'Deals' })).toHaveAttribute('aria-current', 'page')
    expect(nav().getByRole('link', { name: 'Admin' })).not.toHaveAttribute('aria-current')
    expect(screen.getByRole('heading', { level: 1, name: 'Deals' })).toBeInTheDocument()
  })

  it('switches to Chinese at once, remembers it and sets <html lang>', async () => {
    renderApp('/board')

    await userEvent.click(screen.getByText('中文'))

    expect(await nav().findByRole('link', { name: '看板' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: '商机' })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: '管理' })).toBeInTheDocument()
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('redirects / to the board', async () => {
    const { router } = renderApp('/')

    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/board')
  })

  it('shows a not-found page with a way home for an unknown route', async () => {
    renderApp('/no-such-page')

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the board' })).toHaveAttribute('href', '/board')
  })
})
