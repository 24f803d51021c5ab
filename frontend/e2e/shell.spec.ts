import { expect, test } from '@playwright/test'
import { signIn, signOut, switchLanguage } from './sign-in.ts'

// The SPA shell served by the real summit server: routing, server fallback, language, not-found.
// Every page but /sign-in needs a session, so each test signs in as the demo admin first.

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

test('the board opens at / and shows the server version', async ({ page }) => {
  await page.goto('/')

  await expect(page).toHaveURL(/\/board$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible()
  const card = page.getByRole('region', { name: 'Server' })
  await expect(card.getByRole('row', { name: /^Version\s+\S+/ })).toBeVisible()
  await expect(card.getByRole('alert')).toHaveCount(0)
})

test('the navigation changes the URL', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation').getByRole('link', { name: 'Deals' }).click()

  await expect(page).toHaveURL(/\/deals$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
})

test('a client route loaded directly is served by the fallback', async ({ page }) => {
  await page.goto('/deals')

  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
  await expect(page).toHaveTitle('Summit')
})

test('the language switches to Chinese and stays after a reload', async ({ page }) => {
  await page.goto('/board')
  await switchLanguage(page, '中文')

  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: '商机' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  await page.reload()
  await expect(nav.getByRole('link', { name: '商机' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: '看板' })).toBeVisible()

  // The switch also saved the language to the admin's profile; put it back for the other tests.
  await switchLanguage(page, 'English')
})

test('an unknown route shows the translated not-found page', async ({ page }) => {
  await page.goto('/no-such-page')

  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await switchLanguage(page, '中文')
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible()

  await page.getByRole('link', { name: '返回看板' }).click()
  await expect(page).toHaveURL(/\/board$/)

  await switchLanguage(page, 'English')
})

test('signing out leads to the sign-in page, and pages then ask to sign in again', async ({ page }) => {
  await page.goto('/deals')
  await signOut(page)

  await page.goto('/deals')
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdeals$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeVisible()
})
