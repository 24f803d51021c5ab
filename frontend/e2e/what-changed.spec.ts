import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { PASSWORD } from './demo-api.ts'
import { signInKeepingLanguage, switchLanguage } from './sign-in.ts'

// "What changed since" on the board against the real server and its demo data. The snapshot of
// last Monday is written straight in SQL (psql on the DATABASE_URL the server uses), from the
// deals as they are with a third of them at a lower confidence then and one not there yet; where
// the demo already has a snapshot of that day, it is kept (ON CONFLICT DO NOTHING). The executive
// opens "what changed since", sees the waterfall and follows a deal to its activity between the
// two days — in Chinese (the executive's own language) and in English.
//
// The executive's profile is Chinese and other specs rely on that: the English run switches back.

const EXEC = { email: 'exec@summit.example', password: PASSWORD }

const LAST_MONDAY = `current_date - CASE WHEN extract(isodow FROM current_date) = 1 THEN 7 ELSE extract(isodow FROM current_date)::int - 1 END`

const SNAPSHOT = `
SET TIME ZONE 'UTC';
INSERT INTO forecast_snapshots (day, open_deals) SELECT ${LAST_MONDAY}, count(*) FROM deals WHERE status = 'open'
  ON CONFLICT DO NOTHING;
INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category,
    manual_probability, base, p_win, periods)
  SELECT ${LAST_MONDAY}, d.id, d.team_id, d.amount_minor, d.currency, d.target_close_date, d.forecast_category,
    d.manual_probability, 0.3, COALESCE(max(f.confidence), 0.5),
    COALESCE(jsonb_object_agg(f.period, jsonb_build_array(f.p_in_period,
      CASE WHEN abs(hashtext(d.name)) % 3 = 0 THEN greatest(0, f.confidence - 0.15) ELSE f.confidence END))
      FILTER (WHERE f.period IS NOT NULL), '{}'::jsonb)
  FROM deals d LEFT JOIN deal_forecasts f ON f.deal_id = d.id
  WHERE d.status = 'open' AND abs(hashtext(d.name)) % 11 <> 5
  GROUP BY d.id
  ON CONFLICT DO NOTHING;
`

test.beforeAll(() => {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is needed to write the snapshot (run the specs under bin/pgrun)')
  execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', SNAPSHOT], { stdio: 'pipe' })
})

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
  await signInKeepingLanguage(page, EXEC)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await seeWhatChanged(page, TEXT.zh)
})

test('the executive sees what changed since last Monday, in English', async ({ page }) => {
  await signInKeepingLanguage(page, EXEC)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await switchLanguage(page, 'English')
  try {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await seeWhatChanged(page, TEXT.en)
  } finally {
    await switchLanguage(page, '中文')
  }
})
