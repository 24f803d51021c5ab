import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import i18n from '../i18n'
import { adminSession } from '../test/fixtures'
import { mockApi } from '../test/mock-api'
import { renderApp } from '../test/render'

// Pages' code arrives on demand: here the board's arrives only when the test lets it, and the
// profile page's never does, the way a browser fails on a chunk deleted by a deploy.
const board = vi.hoisted(() => {
  let release = () => {}
  const arrived = new Promise<void>((resolve) => (release = resolve))
  return { arrived, release: () => release() }
})
vi.mock('../features/board/board-page', async (importOriginal) => {
  await board.arrived
  return importOriginal()
})
vi.mock('../features/profile/components/profile-page', () => ({
  get ProfilePage(): never {
    throw new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/profile-page-Bq1x2.js')
  },
}))

const meta = { name: 'Summit', version: 'dev', fiscal_year_start_month: 1 }

function nav() {
  return within(screen.getByRole('navigation', { name: /main navigation|主导航/i }))
}

describe('pages loaded when opened', () => {
  it('keeps the open page and shows a loading mark until the next page’s code is in', async () => {
    mockApi({ 'GET /me': adminSession, 'GET /meta': meta })
    renderApp('/deals')
    expect(await screen.findByRole('heading', { level: 1, name: 'Deals' })).toBeInTheDocument()
    expect(screen.queryByRole('status', { name: 'Loading the page…' })).not.toBeInTheDocument()

    await userEvent.click(nav().getByRole('link', { name: 'Board' }))

    expect(await screen.findByRole('status', { name: 'Loading the page…' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Deals' })).toBeInTheDocument()
    board.release()
    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument()
    expect(screen.queryByRole('status', { name: 'Loading the page…' })).not.toBeInTheDocument()
  })

  it.each([
    { language: 'en', title: 'Summit has been updated', reload: 'Reload', navigation: 'Deals' },
    { language: 'zh-CN', title: 'Summit 已更新', reload: '重新加载', navigation: '商机' },
  ])('offers a reload, inside the frame, when a page’s code cannot be fetched ($language)', async ({ language, title, reload, navigation }) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await i18n.changeLanguage(language)
    const reloadPage = vi.fn()
    vi.stubGlobal('location', { ...window.location, reload: reloadPage })
    mockApi({ 'GET /me': { ...adminSession, user: { ...adminSession.user, locale: language } }, 'GET /meta': meta })
    renderApp('/profile')

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(nav().getByRole('link', { name: navigation })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: reload }))
    expect(reloadPage).toHaveBeenCalledOnce()
  })
})
