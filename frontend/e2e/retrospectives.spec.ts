import { expect, test, type APIRequestContext } from '@playwright/test'
import { signIn, signOut } from './sign-in.ts'

// Retrospectives against the real server: the pmo of a new G2B deal holds a retrospective at the
// budget gate with two action items, one for the account manager; she signs in, finds it under
// "My actions" with the deal's name, marks it done and sees it leave her list.

const PASSWORD = 'summit-demo-2026'
const PMO = { email: 'pmo@summit.example', password: PASSWORD }
const AM = { email: 'am@summit.example', password: PASSWORD }
const API = '/api/v1'

/** The signed-in session's CSRF token, sent on every unsafe API call made with `page.request`. */
async function csrfToken(request: APIRequestContext): Promise<string> {
  const me = await request.get(`${API}/me`)
  expect(me.ok()).toBe(true)
  return (await me.json()).csrf_token as string
}

/** The id of the user signed in with `email`. */
async function userId(request: APIRequestContext, email: string): Promise<string> {
  const users = (await (await request.get(`${API}/users?q=${encodeURIComponent(email)}`)).json()).items as { id: string; email: string }[]
  return users.find((u) => u.email === email)!.id
}

/** Creates an open G2B deal named `name` for the pmo's team, its plan from the built-in template. */
async function createG2BDeal(request: APIRequestContext, name: string): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrfToken(request) }
  const customers = (await (await request.get(`${API}/customers?limit=100`)).json()).items as { id: string; kind: string }[]
  const teams = (await (await request.get(`${API}/teams`)).json()).items as { id: string; name: string }[]
  const templates = (await (await request.get(`${API}/templates`)).json()).items as { id: string; key: string | null }[]
  const created = await request.post(`${API}/deals`, {
    headers,
    data: {
      name,
      customer_id: customers.find((c) => c.kind === 'government')!.id,
      segment: 'g2b',
      team_id: teams.find((t) => t.name === 'North China')!.id,
      amount_minor: 3_000_000_00,
      currency: 'CNY',
      target_close_date: '2028-06-30',
      template_id: templates.find((t) => t.key === 'g2b')!.id,
    },
  })
  expect(created.status()).toBe(201)
  return (await created.json()).id as string
}

/** Makes the deal team exactly the pmo (PMO) and the account manager (business). */
async function setDealTeam(request: APIRequestContext, dealId: string): Promise<void> {
  const headers = { 'X-CSRF-Token': await csrfToken(request) }
  const deal = await (await request.get(`${API}/deals/${dealId}`)).json()
  const team = [
    { user_id: await userId(request, PMO.email), role: 'pmo' },
    { user_id: await userId(request, AM.email), role: 'business' },
  ]
  const put = await request.put(`${API}/deals/${dealId}/team`, { headers: { ...headers, 'If-Match': `"${deal.version}"` }, data: team })
  expect(put.status()).toBe(200)
}

/** `YYYY-MM-DD` of the day `days` from today, in the browser's calendar. */
function inDays(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('a pmo holds a retrospective at a gate; the account manager closes her action from My actions', async ({ page }) => {
  test.setTimeout(90_000)
  const dealName = `E2E retro ${Date.now()}`
  const forAm = `Confirm the budget line with the finance bureau ${Date.now()}`
  const forPmo = 'Move the tender dates in the plan'

  await signIn(page, PMO)
  const dealId = await createG2BDeal(page.request, dealName)
  await setDealTeam(page.request, dealId)

  await page.goto(`/deals/${dealId}`)
  await page.getByRole('tab', { name: 'Retrospectives' }).click()
  await expect(page).toHaveURL(new RegExp(`/deals/${dealId}/retrospectives$`))
  await expect(page.getByText('No retrospective has been held on this deal yet.')).toBeVisible()

  await page.getByRole('button', { name: 'Hold a retrospective' }).click()
  const dialog = page.getByRole('dialog', { name: 'Hold a retrospective' })
  await dialog.getByRole('combobox', { name: 'Milestone' }).click()
  await page.getByRole('option', { name: /Budget application support \(gate\)/ }).click()
  await dialog.getByRole('combobox', { name: 'Outcome' }).click()
  await page.getByRole('option', { name: 'At risk' }).click()
  await dialog.getByRole('textbox', { name: 'Planned' }).fill('Budget application filed with the finance bureau')
  await dialog.getByRole('textbox', { name: 'What happened' }).fill('The bureau asked for a hardware / services split')
  await dialog.getByRole('textbox', { name: 'Cause of the gap' }).fill('Our estimate had one line only')
  await dialog.getByRole('textbox', { name: 'Next' }).fill('Resubmit with the split')

  await dialog.getByRole('button', { name: '+ Add an action item' }).click()
  await dialog.getByRole('button', { name: '+ Add an action item' }).click()
  const first = dialog.getByRole('group', { name: 'Action 1' })
  await first.getByRole('textbox', { name: 'Action' }).fill(forAm)
  await first.getByRole('combobox', { name: 'Owner' }).click()
  await page.getByRole('option', { name: 'Wang Fang 王芳' }).click()
  await first.getByLabel('Due on').fill(inDays(7))
  const second = dialog.getByRole('group', { name: 'Action 2' })
  await second.getByRole('textbox', { name: 'Action' }).fill(forPmo)
  await second.getByRole('combobox', { name: 'Owner' }).click()
  await page.getByRole('option', { name: 'Li Wei 李伟' }).click()
  await second.getByLabel('Due on').fill(inDays(14))
  await dialog.getByRole('button', { name: 'Hold retrospective' }).click()
  await expect(dialog).toBeHidden()

  const card = page.getByRole('article', { name: /Budget application support/ })
  await expect(card).toContainText('At risk')
  await expect(card.getByRole('row', { name: new RegExp(forAm) })).toContainText('Wang Fang 王芳')
  await expect(card.getByRole('row', { name: new RegExp(forPmo) })).toContainText('Li Wei 李伟')
  await page.screenshot({ path: test.info().outputPath('retrospectives-tab.png'), fullPage: true })

  // The account manager finds her action across deals and closes it.
  await signOut(page)
  await signIn(page, AM)
  await page.getByRole('link', { name: 'My actions' }).click()
  await expect(page).toHaveURL(/\/actions$/)
  const mine = page.getByRole('table', { name: 'My actions' })
  const row = mine.getByRole('row', { name: new RegExp(forAm) })
  await expect(row.getByRole('link', { name: dealName })).toHaveAttribute('href', `/deals/${dealId}/retrospectives`)
  await expect(mine.getByRole('row', { name: new RegExp(forPmo) })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('my-actions.png'), fullPage: true })
  await row.getByRole('button', { name: `Mark “${forAm}” done` }).click()
  await expect(mine.getByRole('row', { name: new RegExp(forAm) })).toHaveCount(0)
})
