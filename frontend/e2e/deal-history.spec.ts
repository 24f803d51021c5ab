import { expect, test } from '@playwright/test'
import { createG2BDeal, PMO } from './demo-api.ts'
import { signIn, switchLanguage } from './sign-in.ts'

// A deal's confidence over time against the real server: on a deal created just now (no daily
// snapshot has seen it yet) the Confidence tab asks GET /deals/{id}/confidence/history for the
// period shown and says, in English and in Chinese, that the history starts with the next snapshot.
// The line and the moves with real snapshots are covered by the handlers' Go tests (rows inserted
// per migration 00017) and src/app/deal-confidence-history.test.tsx.

const dealName = `E2E history ${Date.now()}`

test('a new deal has no confidence history yet, said in English and Chinese', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, PMO)
  const dealId = await createG2BDeal(page.request, dealName)

  const history = page.waitForResponse((r) => r.url().includes(`/api/v1/deals/${dealId}/confidence/history`))
  await page.goto(`/deals/${dealId}/confidence`)
  const answer = await history
  expect(answer.status()).toBe(200)
  const body = await answer.json()
  expect(body.points).toEqual([])
  expect(body.period).toMatch(/^\d{4}-Q[1-4]$/)
  await expect(page.getByRole('heading', { name: 'Confidence over time' })).toBeVisible()
  await expect(page.getByText('No history yet: Summit keeps a snapshot of each open deal every day.')).toBeVisible()

  await switchLanguage(page, '中文')
  await expect(page.getByRole('heading', { name: '把握度走势' })).toBeVisible()
  await expect(page.getByText('暂无历史：Summit 每天为每个进行中的商机保存一次快照。')).toBeVisible()
  await switchLanguage(page, 'English') // leave the demo pmo's profile as it was
  await expect(page.getByRole('heading', { name: 'Confidence over time' })).toBeVisible()
})
