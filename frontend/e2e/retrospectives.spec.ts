import { expect, test } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, PMO } from './demo-api.ts'
import { signIn, signOut } from './sign-in.ts'

// Retrospectives against the real server: the pmo of a new G2B deal holds a retrospective at the
// budget gate with two action items, one for the account manager; she signs in, finds it under
// "My actions" with the deal's name, marks it done and sees it leave her list.


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
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])

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
