import { expect, type Browser, type Page } from '@playwright/test'

/** Someone who can sign in. */
export interface Account {
  email: string
  password: string
}

/** The admin that `summit dev` seeds with the demo data. */
export const DEMO_ADMIN: Account = { email: 'admin@summit.example', password: 'summit-demo-2026' }

/** Signs in through the sign-in page (in English) and waits for the board it opens. */
export async function signInKeepingLanguage(page: Page, account: Account = DEMO_ADMIN): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(account.email)
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/board$/)
  // The router keeps showing the sign-in page (and its own language switch, which saves nothing)
  // until the board's code is in; the app's header with the account menu means the board is shown.
  await expect(page.locator('header button[aria-haspopup="menu"]')).toBeVisible()
}

/**
 * Signs in and makes sure the UI is in English, the language the specs are written in: signing in
 * applies the profile's language, and several demo users have Chinese profiles, so their profile is
 * switched to English (as a user would, with the header's switch).
 */
export async function signIn(page: Page, account: Account = DEMO_ADMIN): Promise<void> {
  await signInKeepingLanguage(page, account)
  // The profile says which language the UI is taking on (the page's <html lang> may not have
  // caught up yet on a busy machine): switch only a profile that is not in English.
  const me = await (await page.request.get('/api/v1/me')).json()
  if (me.user.locale !== 'en') {
    await expect(page.locator('html')).toHaveAttribute('lang', me.user.locale)
    await switchLanguage(page, 'English')
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

/**
 * Signs in and makes sure the UI — and so the profile — is in Chinese, whatever an earlier spec
 * left the account's language at (`signIn` leaves it in English).
 */
export async function signInInChinese(page: Page, account: Account): Promise<void> {
  await signInKeepingLanguage(page, account)
  const me = await (await page.request.get('/api/v1/me')).json()
  if (me.user.locale !== 'zh-CN') {
    await expect(page.locator('html')).toHaveAttribute('lang', me.user.locale)
    await switchLanguage(page, '中文')
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
}

/**
 * Puts a demo account whose profile is Chinese back in Chinese after a spec that signed it in with
 * `signIn` (which leaves it in English): other specs read that account in its own language.
 */
export async function leaveInChinese(browser: Browser, account: Account): Promise<void> {
  const page = await browser.newPage()
  try {
    await signInInChinese(page, account)
  } finally {
    await page.close()
  }
}

/** Signs out through the header's account menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('header button[aria-haspopup="menu"]').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
}

/**
 * Switches the language with the app header's switch (the one that saves to the profile; the
 * sign-in page's own switch saves nothing) and waits for that save, so a test leaves the account as
 * it found it.
 */
export async function switchLanguage(page: Page, name: 'English' | '中文'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH')
  await page.locator('header').getByText(name, { exact: true }).click()
  await saved
}
