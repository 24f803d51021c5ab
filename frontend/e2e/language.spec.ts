import { expect, test } from '@playwright/test'
import { signInKeepingLanguage } from './sign-in.ts'

// One language: signing in applies the profile's language, whatever the browser speaks, and the
// server answers in the language the UI asks for. The demo executive's profile is Chinese; specs that
// switch it to English put it back (leaveInChinese), and nothing here changes it.
const EXEC = { email: 'exec@summit.example', password: 'summit-demo-2026' }

test('a Chinese profile signing in on an English browser reads Chinese screens and Chinese server messages', async ({ page }) => {
  expect(await page.evaluate('navigator.language')).toBe('en-US') // the browser speaks English

  await signInKeepingLanguage(page, EXEC)
  await expect(page.getByRole('heading', { level: 1, name: '看板' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')

  // A refusal worded by the server: a wrong current password on the profile page.
  await page.goto('/profile')
  await page.getByRole('textbox', { name: '当前密码', exact: true }).fill('not my password at all')
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('a brand new secret 2026')
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/password'))
  await page.getByRole('button', { name: '修改密码' }).click()
  const response = await answer
  expect(response.status()).toBe(422)
  expect(await response.request().headerValue('Accept-Language')).toBe('zh-CN')
  await expect(page.getByText('与当前密码不符')).toBeVisible()
})
