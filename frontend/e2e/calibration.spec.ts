import { AxeBuilder } from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { leaveInChinese, signIn, switchLanguage } from './sign-in.ts'

// Calibration against the real server: the executive opens it from the board and sees the
// reliability diagram and the scores, in English and in Chinese.
//
// The demo's simulated history (docs/demo-history.md) gives ~150 closed deals snapshots along
// their lives, so every lead time has deals to score.

const EXEC = { email: 'exec@summit.example', password: 'summit-demo-2026' }

// EXEC's demo profile is Chinese: leave it so for the specs after this one.
test.afterAll(async ({ browser }) => {
  await leaveInChinese(browser, EXEC)
})

test('the executive opens calibration from the board and reads the reliability diagram', async ({ page }) => {
  await signIn(page, EXEC)
  await page.getByRole('link', { name: 'Calibration: can I trust these numbers?' }).click()
  await expect(page).toHaveURL(/\/board\/calibration$/)
  await expect(page.getByRole('heading', { name: 'Calibration', level: 1 })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Reliability diagram: predicted confidence against the observed win rate/ })).toBeVisible()
  await expect(page.locator('[role="img"] svg')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Brier score' })).toContainText(/0\.\d{3}/)
  await expect(page.getByRole('group', { name: 'Log loss' })).toContainText(/\d\.\d{3}/)
  await expect(page.getByText(/closed deals? scored \(\d+ won, \d+ lost\)/)).toBeVisible()

  // Another lead time: the URL and the report follow.
  const report = page.waitForResponse((r) => r.url().includes('/api/v1/calibration?lead_days=30') && r.ok())
  await page.getByRole('group', { name: 'Calibration filters' }).getByText('30 days before close').click()
  await report
  await expect(page).toHaveURL(/lead_days=30/)
  await expect(page.getByRole('img', { name: /^Reliability diagram/ })).toBeVisible()
})

test('in Chinese', async ({ page }) => {
  await signIn(page, EXEC)
  await switchLanguage(page, '中文')
  try {
    await page.getByRole('link', { name: '校准：这些数字可信吗？' }).click()
    await expect(page.getByRole('heading', { name: '校准', level: 1 })).toBeVisible()
    await expect(page.getByRole('img', { name: /^可靠性图/ })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Brier 分数' })).toContainText(/0\.\d{3}/)
    await expect(page.getByRole('group', { name: '对数损失' })).toBeVisible()
    await expect(page.getByText(/已评分 \d+ 个已关闭商机/)).toBeVisible()
  } finally {
    await switchLanguage(page, 'English')
  }
})

test('has no serious or critical accessibility findings', async ({ page }) => {
  await signIn(page, EXEC)
  await page.goto('/board/calibration')
  await expect(page.getByRole('img', { name: /^Reliability diagram/ })).toBeVisible()
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`))
  expect(serious).toEqual([])
})
