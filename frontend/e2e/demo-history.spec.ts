import { expect, test, type APIRequestContext } from '@playwright/test'
import { PASSWORD } from './demo-api.ts'
import { leaveInChinese, signIn, switchLanguage } from './sign-in.ts'

// The demo's history (summit seed --demo, repository/demo_history*.go): this week's moves are
// backed by activity entries, so "what changed since last Monday" links land on something. The
// executive opens a deal pushed out of the quarter and one won this week (English), then the
// pushed deal and one lost this week in Chinese.

const EXEC = { email: 'exec@summit.example', password: PASSWORD }

// EXEC's demo profile is Chinese: leave it so for the specs after this one.
test.afterAll(async ({ browser }) => {
  await leaveInChinese(browser, EXEC)
})
const PUSHED = 'Hydropower dispatch optimisation 水电调度优化'
const WON = 'Motor claims image recognition 车险定损图像识别'
const LOST = 'Transmission line drone inspection 输电线路无人机巡检'

async function dealId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get(`/api/v1/deals?q=${encodeURIComponent(name)}`)
  expect(res.status()).toBe(200)
  const items = (await res.json()).items as { id: string; name: string }[]
  const deal = items.find((d) => d.name === name)
  expect(deal, `the demo has the deal ${name}`).toBeDefined()
  return deal!.id
}

test('the executive reads why a deal left the quarter and that one was won this week', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, EXEC)
  await page.goto(`/deals/${await dealId(page.request, PUSHED)}/activity`)
  const trail = page.getByRole('main')
  await expect(trail.getByText(/changed the deal$/).first()).toBeVisible()
  await expect(trail.getByText(/^Target close: .+ → .+$/)).toBeVisible()

  await page.goto(`/deals/${await dealId(page.request, WON)}/activity`)
  await expect(trail.getByText(/^Status: .+ → won$/)).toBeVisible()
})

test('in Chinese: why a deal left the quarter, and one lost this week', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, EXEC)
  await switchLanguage(page, '中文')
  try {
    await page.goto(`/deals/${await dealId(page.request, PUSHED)}/activity`)
    const trail = page.getByRole('main')
    await expect(trail.getByText(/修改了商机$/).first()).toBeVisible()
    await expect(trail.getByText(/^目标签约日期: .+ → .+$/)).toBeVisible()

    await page.goto(`/deals/${await dealId(page.request, LOST)}/activity`)
    await expect(trail.getByText(/^状态原因: .*→ .+$/)).toBeVisible()
  } finally {
    await switchLanguage(page, 'English')
  }
})
