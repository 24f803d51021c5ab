import { expect, test, type Page } from '@playwright/test'
import { PASSWORD } from './demo-api.ts'
import { signIn, signInInChinese } from './sign-in.ts'

// The board's trend against the real server: `summit dev` runs the daily job at start, which takes
// today's forecast snapshot, so the current quarter has at least today's point.
// 1. The admin (English) sees the trend chart of the company's probability of target and expected
//    revenue with the target line.
// 2. The East China PMO (a Chinese profile; made Chinese again if a spec before left it English) reads the board in Chinese: the company's trend is
//    not shown to a reader of one team (the roll-up is over deals they cannot read), their team's is.

const EAST_PMO = { email: 'east.pmo@summit.example', password: PASSWORD }

/** Reloads the board until the trend card has drawn its chart (the start-up job may still be taking the snapshot). */
async function trendChart(page: Page, path: string, label: RegExp) {
  await expect(async () => {
    await page.goto(path)
    await expect(page.getByRole('img', { name: label })).toBeVisible({ timeout: 10_000 })
  }).toPass({ timeout: 90_000 })
}

test('the admin sees the trend of the probability of target and expected revenue', async ({ page }) => {
  await signIn(page)
  await trendChart(page, '/board', /^Trend by week: .+%, expected /)
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Trend', exact: true }) })
  await expect(card.getByText('Probability of target', { exact: true })).toBeVisible()
  await expect(card.getByText('Expected revenue', { exact: true })).toBeVisible()
  await expect(card.getByText('Target', { exact: true })).toBeVisible()
})

test('a team PMO reads their team’s trend in Chinese, and not the whole company’s', async ({ page }) => {
  await signInInChinese(page, EAST_PMO)
  await expect(page.getByText('趋势汇总了该范围内的全部商机，只向能查看全部商机的人显示。请选择您所在的团队。')).toBeVisible({ timeout: 30_000 })
  const me = await (await page.request.get('/api/v1/me')).json()
  const teamId = (me.user.team_ids as string[])[0]
  await trendChart(page, `/board?team_id=${teamId}`, /^每周趋势：.+%，预期 /)
  await expect(page.getByRole('heading', { name: '趋势', exact: true })).toBeVisible()
})
