import { expect, test, type APIRequestContext } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, csrfToken, PMO, userId } from './demo-api.ts'
import { myActionsSection } from './my-actions-page.ts'
import { signIn, signOut } from './sign-in.ts'

// My actions against the real server: an account manager owns a stakeholder's overdue next step
// and a retrospective action on a new deal. Both are listed under the deal, the overdue next step
// first; the action is marked done (a notification says so), undone at once, and is still there
// after a reload. Then the deals list says how many deals its filters select.

const API = '/api/v1'
const dealName = `E2E my actions ${Date.now()}`
const nextStep = 'Walk the director through the revised estimate'
const action = `Send the hardware / services split ${Date.now()}`

/** `YYYY-MM-DD` of the day `days` from today, in the browser's calendar. */
function inDays(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

async function post(request: APIRequestContext, path: string, data: unknown): Promise<void> {
  const response = await request.post(`${API}${path}`, { headers: { 'X-CSRF-Token': await csrfToken(request) }, data })
  expect(response.status(), await response.text()).toBe(201)
}

test('an account manager’s next steps and actions, grouped by deal, overdue first; done can be undone', async ({ page }) => {
  test.setTimeout(180_000)
  await signIn(page, PMO)
  const dealId = await createG2BDeal(page.request, dealName)
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])
  const am = await userId(page.request, AM.email)
  await post(page.request, `/deals/${dealId}/retrospectives`, {
    held_on: inDays(-1), happened: 'The bureau asked for a split estimate', outcome: 'at_risk',
    actions: [{ title: action, owner_id: am, due_on: inDays(5) }],
  })

  await signOut(page)
  await signIn(page, AM)
  await post(page.request, `/deals/${dealId}/stakeholders`, {
    name: 'Director Zhou', decision_role: 'decision_maker', influence: 5, stance: 'skeptic', owner_id: am,
    next_step: nextStep, next_step_due: inDays(-2),
  })

  await page.getByRole('link', { name: 'My actions', exact: true }).click()
  await expect(page).toHaveURL(/\/actions$/)
  const section = await myActionsSection(page, dealName)
  await expect(section.getByRole('link', { name: dealName })).toHaveAttribute('href', `/deals/${dealId}`)
  const rows = section.getByRole('row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText(nextStep)
  await expect(rows.nth(0)).toContainText('Next step')
  await expect(rows.nth(0)).toContainText('with Director Zhou')
  await expect(rows.nth(0)).toContainText('Overdue')
  await expect(rows.nth(0).getByRole('link', { name: 'Open Director Zhou on the stakeholders tab' })).toHaveAttribute('href', `/deals/${dealId}/stakeholders`)
  await expect(rows.nth(1)).toContainText(action)
  await page.screenshot({ path: test.info().outputPath('my-actions-grouped.png'), fullPage: true })

  const row = section.getByRole('row', { name: new RegExp(action) })
  await row.getByRole('button', { name: `Mark “${action}” done` }).click()
  await expect(page.getByText(`“${action}” marked done.`)).toBeVisible()
  await row.getByRole('button', { name: `Reopen “${action}”` }).click()
  await expect(page.getByText(`“${action}” is open again.`)).toBeVisible()
  await expect(row.getByRole('button', { name: `Mark “${action}” done` })).toBeVisible()

  await page.reload()
  const again = await myActionsSection(page, dealName)
  await expect(again.getByRole('row', { name: new RegExp(action) })).toBeVisible()

  // The deals list: how many deals the filters select, with their amounts per currency.
  await page.goto(`/deals?q=${encodeURIComponent(dealName)}`)
  const summary = page.getByRole('status', { name: 'The filtered deals' })
  await expect(summary).toContainText('1 deals')
  await expect(summary).toContainText('3,000,000.00 in 1 deals')
})
