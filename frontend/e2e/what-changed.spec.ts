import { expect, test, type Page } from '@playwright/test'
import { PASSWORD } from './demo-api.ts'
import { signInInChinese, switchLanguage } from './sign-in.ts'

// "What changed since" on the board against the real server and its demo data, whose simulated
// history has a snapshot of every day of the quarter and this week's moves (docs/demo-history.md:
// a deal pushed out, one pulled in, confidence up and down, one new, one won, one lost). The executive
// opens "what changed since", sees the waterfall and follows a deal to its activity between the
// two days — in Chinese (the executive's own language) and in English.
//
// The executive's profile is Chinese in the demo (made so again if a spec before left it English),
// and other specs rely on that: the English run switches back.

const EXEC = { email: 'exec@summit.example', password: PASSWORD }

const TEXT = {
  en: {
    open: 'What changed since…', region: 'What changed since', chart: /^Waterfall of the probability of target: /,
    table: 'Deals that moved', since: 'Since', range: /^Showing the activity from /, activity: 'Activity',
  },
  zh: {
    open: '自某日以来的变化…', region: '自以下日期以来的变化', chart: /^目标达成概率瀑布图：/,
    table: '发生变化的商机', since: '起始日期', range: /^显示 .+ 至 .+ 的动态。$/, activity: '动态',
  },
}

async function seeWhatChanged(page: Page, text: (typeof TEXT)['en']) {
  await page.getByRole('button', { name: text.open }).click()
  const region = page.getByRole('region', { name: text.region })
  await expect(region.getByRole('img', { name: text.chart })).toBeVisible()
  // The day picker starts on last Monday.
  const since = await region.getByLabel(text.since).inputValue()
  const monday = new Date(`${since}T00:00:00Z`)
  expect(monday.getUTCDay()).toBe(1)
  const link = region.getByRole('table', { name: text.table }).getByRole('link').first()
  const deal = await link.textContent()
  await link.click()
  await expect(page).toHaveURL(new RegExp(`/deals/[0-9a-f-]+/activity\\?from=${since}&to=\\d{4}-\\d{2}-\\d{2}$`))
  await expect(page.getByRole('heading', { level: 1, name: deal! })).toBeVisible()
  await expect(page.getByRole('tab', { name: text.activity })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByText(text.range)).toBeVisible()
}

test('the executive sees what changed since last Monday, in Chinese', async ({ page }) => {
  await signInInChinese(page, EXEC)
  await seeWhatChanged(page, TEXT.zh)
})

test('the executive sees what changed since last Monday, in English', async ({ page }) => {
  await signInInChinese(page, EXEC)
  await switchLanguage(page, 'English')
  try {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await seeWhatChanged(page, TEXT.en)
  } finally {
    await switchLanguage(page, '中文')
  }
})
