import { expect, test, type Page } from '@playwright/test'
import { signIn } from './sign-in.ts'

// Pages load their code when opened (src/app/router.tsx): the deal list does not fetch the board,
// the plan's Gantt chart or the charting library, and a page whose code is gone after a deploy
// offers a reload instead of a blank screen.

/** The names of the JavaScript files the page fetches from now on. */
function scriptsFetched(page: Page): string[] {
  const scripts: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.push(path.slice('/assets/'.length))
  })
  return scripts
}

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

test('the deal list loads without the board, the Gantt or the charts; a deal fetches its plan then', async ({ page }) => {
  // Signing in opens the board, which fetches the charting library once its cards have data (on
  // a busy machine that can come after a quiet moment on the network): wait until it has, so a
  // late fetch of the board's is not taken for the deal list's.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/assets\/echarts-[^/]+\.js$/.test(e.name))), {
      timeout: 60_000,
    })
    .toBe(true)
  await page.waitForLoadState('networkidle')
  const scripts = scriptsFetched(page)
  await page.goto('/deals')
  const firstDeal = page.getByRole('row').nth(1).getByRole('link').first()
  await expect(firstDeal).toBeVisible()
  await page.waitForLoadState('networkidle')

  expect(scripts.some((name) => name.startsWith('deals-page-'))).toBe(true)
  expect(scripts.filter((name) => /^(board-page|plan-tab|echarts)-/.test(name))).toEqual([])

  await firstDeal.click()
  await expect(page.getByRole('tab', { name: 'Plan', selected: true })).toBeVisible()
  await expect.poll(() => scripts.some((name) => name.startsWith('plan-tab-'))).toBe(true)
})

test('a page whose code is gone after a deploy offers a reload, which brings it back', async ({ page }) => {
  await page.goto('/deals')
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
  // The file of the page's code answers 404, as after a deploy that replaced it.
  await page.route(/\/assets\/my-actions-page-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' }))

  await page.getByRole('navigation').getByRole('link', { name: 'My actions' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Summit has been updated' })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Deals' })).toBeVisible()
  await page.unrouteAll()
  await page.getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible()
})
