import { expect, test, type Page } from '@playwright/test'
import { csrfToken, PMO } from './demo-api.ts'
import { signIn } from './sign-in.ts'

// Trust in the plan (issue 13, items 1-3) against the real server: New deal warns that the G2B plan
// runs past the target close and moves the target in one click; slip is measured against the
// committed (kick-off) baseline, so re-baselining does not hide it, until the PMO commits to the
// re-plan with a reason; the header warns when the contract gate passes the target close again;
// the Gantt draws the target close and the critical path.

const API = '/api/v1'

async function takeBaseline(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Take baseline' }).click()
  const dialog = page.getByRole('dialog', { name: 'Take baseline' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('button', { name: 'Take baseline' }).click()
  await expect(dialog).toBeHidden()
}

/** Moves the contract gate's due date `days` later through the API, as a drag on the chart would. */
async function slipContract(page: Page, dealId: string, days: number): Promise<void> {
  const plan = (await (await page.request.get(`${API}/deals/${dealId}/milestones`)).json()).items as { id: string; key: string; planned_start: string; planned_due: string; version: number }[]
  const contract = plan.find((m) => m.key === 'contract_signed')!
  const due = new Date(`${contract.planned_due}T00:00:00Z`)
  due.setUTCDate(due.getUTCDate() + days)
  const moved = await page.request.post(`${API}/milestones/${contract.id}/reschedule`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request), 'If-Match': `"${contract.version}"` },
    data: { planned_start: contract.planned_start, planned_due: due.toISOString().slice(0, 10) },
  })
  expect(moved.status()).toBe(200)
}

test('the plan is measured against the committed baseline and kept to the target close', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, PMO)

  // New deal: a G2B plan from today cannot sign by the end of next month; one click moves the target.
  await page.goto('/deals')
  await page.getByRole('button', { name: 'New deal' }).click()
  const form = page.getByRole('dialog', { name: 'New deal' })
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(`E2E plan trust ${Date.now()}`)
  await form.getByRole('combobox', { name: 'Customer' }).fill('Beijing')
  await page.getByRole('option', { name: /Beijing Municipal Bureau of Big Data/ }).click()
  await form.getByRole('textbox', { name: 'Amount' }).fill('5000000')
  await form.getByRole('textbox', { name: 'Target close' }).fill('2027-01-15')
  await expect(form.getByRole('combobox', { name: 'Plan template' })).toHaveValue('G2B public procurement')
  const warning = form.getByTestId('new-deal-target-warning')
  await expect(warning).toContainText('days after the target close')
  await warning.getByRole('button', { name: /^Move target close to/ }).click()
  await expect(warning).toBeHidden()
  await expect(form.getByRole('textbox', { name: 'Target close' })).not.toHaveValue('2027-01-15')
  await form.getByRole('button', { name: 'Create deal' }).click()
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}/)
  const dealId = new URL(page.url()).pathname.split('/')[2]!
  await expect(page.getByRole('group', { name: 'Plan timeline' })).toBeVisible()
  await expect(page.getByTestId('plan-after-target')).toHaveCount(0)

  // The Gantt draws the target close and the chain that sets the close date.
  await expect(page.getByTestId('target-close-line')).toHaveCount(1)
  expect(await page.locator('[data-critical="true"]').count()).toBeGreaterThan(1)

  // Kick-off baseline, then the contract slips 17 days and the plan is re-baselined: still 17 days late.
  await takeBaseline(page, 'Kick-off plan')
  await expect(page.getByTestId('committed-baseline-note')).toHaveText('Slip against “Kick-off plan”')
  await slipContract(page, dealId, 17)
  await page.reload()
  await takeBaseline(page, 'Re-plan')
  const slippage = page.getByRole('group', { name: /^Slippage/ })
  await expect(page.getByTestId('committed-baseline-note')).toHaveText('Slip against “Kick-off plan” · Re-baselined 1 time')
  await expect(slippage).toContainText('Contract +17 d')

  // The contract gate now falls after the target close: the header says so and moves the target in one click.
  const alert = page.getByTestId('plan-after-target')
  await expect(alert).toContainText('17 days after the target close')
  await alert.getByRole('button', { name: /^Move target close to/ }).click()
  await expect(alert).toBeHidden()

  // The PMO commits to the re-plan, with a reason: the slip is measured against it from now on.
  await page.getByRole('button', { name: 'Commit to Re-plan' }).click()
  const commit = page.getByRole('dialog', { name: 'Commit to “Re-plan”' })
  await commit.getByRole('textbox', { name: 'Why commit to this baseline?' }).fill('The customer moved the tender; agreed new dates')
  await commit.getByRole('button', { name: 'Commit to this baseline' }).click()
  await expect(commit).toBeHidden()
  await expect(page.getByTestId('committed-baseline-note')).toHaveText('Slip against “Re-plan” · Re-baselined 1 time')
  await expect(slippage).toContainText('Contract on schedule')

  // The activity trail keeps the reason.
  const activity = (await (await page.request.get(`${API}/deals/${dealId}/activity?limit=5`)).json()).items as { action: string; after: { reason?: string } }[]
  expect(activity.find((a) => a.action === 'baseline.committed')?.after.reason).toBe('The customer moved the tender; agreed new dates')
})
