import { expect, test, type Page } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, csrfToken, PMO } from './demo-api.ts'
import { signIn } from './sign-in.ts'

// The deal's confidence against the real server, on one fresh G2B deal of the demo organisation
// (the demo pmo's team "North China", a demo government customer, the built-in template), in two
// steps that run in order:
// 1. the pmo marks the first gate done on the Plan tab: on the Confidence tab the deal's confidence
//    rises and the progress factor that explains it is shown, with its points and sentence;
// 2. the account manager (the deal's business role) turns the decision maker into a blocker on the
//    Stakeholders tab: the confidence falls and the decision maker's stance explains it.
// The period is the fiscal quarter the plan closes in, so the confidence (won × closed in the
// period) is not zero for a plan that closes months from now.

const API = '/api/v1'
const FIRST_GATE = 'Need shaping and solution exchange'
const DECISION_MAKER = 'Director Qian'
const dealName = `E2E confidence ${Date.now()}`
let dealId = ''
let period = ''

test.describe.configure({ mode: 'serial' })

/** The fiscal quarter (`2027-Q2`) a `YYYY-MM-DD` date falls in, fiscal years starting in `startMonth`. */
function fiscalQuarter(date: string, startMonth: number): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  const offset = (month - startMonth + 12) % 12
  return `${month >= startMonth ? year : year - 1}-Q${Math.floor(offset / 3) + 1}`
}

/** One unrounded figure of the Confidence tab (`confidence`, `p_win`, `p_in_period`). */
async function figure(page: Page, name: string): Promise<number> {
  const element = page.locator(`[data-figure="${name}"]`)
  await expect(element).toBeVisible()
  return Number(await element.getAttribute('data-value'))
}

/** Opens the deal's Confidence tab for the chosen period and waits for its figures. */
async function openConfidence(page: Page): Promise<void> {
  await page.goto(`/deals/${dealId}/confidence?period=${period}`)
  await expect(page.getByRole('table', { name: 'Factors of the chance of winning' })).toBeVisible()
}

test('a pmo marks the first gate done: the confidence rises and the progress factor explains it', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, PMO)
  dealId = await createG2BDeal(page.request, dealName)
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])
  const meta = await (await page.request.get(`${API}/meta`)).json()
  const now = await (await page.request.get(`${API}/deals/${dealId}/confidence`)).json()
  expect(now.expected_close, 'an open deal has an expected close').not.toBeNull()
  period = fiscalQuarter(now.expected_close, meta.fiscal_year_start_month)

  await openConfidence(page)
  const factors = page.getByRole('table', { name: 'Factors of the chance of winning' })
  await expect(factors.getByRole('rowheader', { name: 'Progress through the plan' })).toHaveCount(0)
  const confidenceBefore = await figure(page, 'confidence')
  const pWinBefore = await figure(page, 'p_win')
  expect(confidenceBefore, 'the plan closes in this period').toBeGreaterThan(0)

  // Mark the first gate done on the Plan tab (its completion date defaults to today).
  await page.getByRole('tab', { name: 'Plan' }).click()
  await expect(page).toHaveURL(new RegExp(`/deals/${dealId}/plan\\?period=${period}$`))
  await page.getByRole('button', { name: `1. ${FIRST_GATE}`, exact: true }).click()
  const drawer = page.getByRole('dialog', { name: 'Milestone 1' })
  await drawer.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: 'Done' }).click()
  await expect(drawer.getByLabel('Completed on')).not.toHaveValue('')
  await drawer.getByRole('button', { name: 'Save' }).click()
  await expect(drawer).toBeHidden()

  // The summary above the tabs and the Confidence tab show the new figures.
  await expect(page.getByRole('region', { name: 'Confidence summary' })).toBeVisible()
  await page.getByRole('tab', { name: 'Confidence' }).click()
  const progress = factors.getByRole('row', { name: /^Progress through the plan/ })
  await expect(progress).toContainText(/\+\d+\.\d pts/)
  await expect(progress).toContainText('1 of 9 gates passed')
  await expect.poll(() => figure(page, 'p_win')).toBeGreaterThan(pWinBefore)
  await expect.poll(() => figure(page, 'confidence')).toBeGreaterThan(confidenceBefore)
  await page.screenshot({ path: test.info().outputPath('confidence-after-gate.png'), fullPage: true })
})

test('an account manager turns the decision maker into a blocker: the confidence falls', async ({ page }) => {
  test.setTimeout(90_000)
  expect(dealId, 'the first step created the deal').not.toBe('')
  await signIn(page, AM)

  // Set-up: the customer's decision maker, neutral for now, decisive.
  const added = await page.request.post(`${API}/deals/${dealId}/stakeholders`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: { name: DECISION_MAKER, title: 'Deputy director', decision_role: 'decision_maker', influence: 5, stance: 'neutral' },
  })
  expect(added.status()).toBe(201)

  await openConfidence(page)
  const factors = page.getByRole('table', { name: 'Factors of the chance of winning' })
  await expect(factors.getByRole('rowheader', { name: 'No decision maker known' })).toHaveCount(0)
  const confidenceBefore = await figure(page, 'confidence')
  const pWinBefore = await figure(page, 'p_win')

  // Neutral → blocker with the quick stance change on the power map, which asks why.
  await page.getByRole('tab', { name: 'Stakeholders' }).click()
  const neutral = page.locator('[data-cell="5:neutral"]')
  await neutral.getByRole('button', { name: `Change stance of ${DECISION_MAKER}` }).click()
  await page.getByRole('menuitem', { name: 'Blocker' }).click()
  const change = page.getByRole('dialog', { name: `Change the stance of ${DECISION_MAKER}` })
  await change.getByRole('textbox', { name: /Why did the stance change/ }).fill('Prefers the incumbent vendor')
  await change.getByRole('button', { name: 'Change stance' }).click()
  await expect(change).toBeHidden()
  await expect(page.locator('[data-cell="5:blocker"]').getByRole('button', { name: `Open ${DECISION_MAKER}` })).toBeVisible()

  await page.getByRole('tab', { name: 'Confidence' }).click()
  const stance = factors.getByRole('row', { name: /^Decision maker's stance/ })
  await expect(stance).toContainText(/-\d+\.\d pts/)
  await expect.poll(() => figure(page, 'p_win')).toBeLessThan(pWinBefore)
  await expect.poll(() => figure(page, 'confidence')).toBeLessThan(confidenceBefore)
  await page.screenshot({ path: test.info().outputPath('confidence-after-blocker.png'), fullPage: true })
})
