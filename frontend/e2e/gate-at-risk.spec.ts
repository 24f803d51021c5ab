import { expect, test } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, PMO } from './demo-api.ts'
import { myActionsSection } from './my-actions-page.ts'
import { signIn, signOut } from './sign-in.ts'

// One story on one deal, against the real server, in two steps that run in order:
// 1. the pmo creates a G2B deal and puts an account manager on its team; the account manager adds
//    the budget gate's decision maker, turns them from neutral to blocker with a note, finds the
//    change in their history, and sees the gate flagged on the Plan tab;
// 2. the pmo holds a retrospective at that gate with two action items, one for the account manager,
//    who finds it under "My actions" with the deal's name, marks it done and sees it leave her list.

const GATE = 'Budget application support'
const dealName = `E2E gate at risk ${Date.now()}`
let dealId = ''

test.describe.configure({ mode: 'serial' })

/** `YYYY-MM-DD` of the day `days` from today, in the browser's calendar. */
function inDays(days: number): string {
  const d = new Date()
  d.setDate(d.getDate() + days)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

test('an account manager maps the budget gate’s decision maker, who turns blocker, and the plan flags the gate', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, PMO)
  dealId = await createG2BDeal(page.request, dealName)
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])

  await page.context().clearCookies()
  await signIn(page, AM)
  await page.goto(`/deals/${dealId}/stakeholders`)
  await expect(page.getByText('No stakeholders on this deal yet.')).toBeVisible()

  // Add "Director Zhao", a new contact, as the decision maker of the budget gate.
  await page.getByRole('button', { name: 'Add stakeholder' }).click()
  const add = page.getByRole('dialog', { name: 'Add stakeholder' })
  await add.getByText('New contact', { exact: true }).click()
  await add.getByRole('textbox', { name: 'Name' }).fill('Director Zhao')
  await add.getByRole('textbox', { name: 'Title' }).fill('Director, Finance Bureau')
  await add.getByRole('combobox', { name: 'Decision role' }).click()
  await page.getByRole('option', { name: 'Decision maker' }).click()
  await add.getByRole('combobox', { name: 'Influence' }).click()
  await page.getByRole('option', { name: '5 · Decisive' }).click()
  await expect(add.getByRole('combobox', { name: 'Stance' })).toHaveValue('Neutral')
  await add.getByRole('combobox', { name: 'Milestones they can move' }).click()
  await page.getByRole('option', { name: `2. ${GATE}` }).click()
  await add.getByRole('heading', { name: 'Add stakeholder' }).click() // closes the multi-select's list
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(add).toBeHidden()

  const neutral = page.locator('[data-cell="5:neutral"]')
  await expect(neutral.getByRole('button', { name: 'Open Director Zhao' })).toBeVisible()

  // Quick stance change on the card: neutral → blocker, which asks why.
  await neutral.getByRole('button', { name: 'Change stance of Director Zhao' }).click()
  await page.getByRole('menuitem', { name: 'Blocker' }).click()
  const change = page.getByRole('dialog', { name: 'Change the stance of Director Zhao' })
  await change.getByRole('button', { name: 'Change stance' }).click()
  await expect(change.getByText('Say why the stance changed.')).toBeVisible()
  await change.getByRole('textbox', { name: /Why did the stance change/ }).fill('Backs the rival vendor after the site visit')
  await change.getByRole('button', { name: 'Change stance' }).click()
  await expect(change).toBeHidden()
  const blocker = page.locator('[data-cell="5:blocker"]')
  await expect(blocker.getByRole('button', { name: 'Open Director Zhao' })).toBeVisible()
  await expect(blocker.getByRole('img', { name: new RegExp(`^Gate at risk: ${GATE}`) })).toBeVisible()

  // The history shows neutral → blocker with the note.
  await blocker.getByRole('button', { name: 'Open Director Zhao' }).click()
  const drawer = page.getByRole('dialog', { name: 'Director Zhao' })
  const entry = drawer.locator('[data-history-id]').filter({ has: page.locator('[data-field="stance"]') }).first()
  await expect(entry.locator('[data-field="stance"]')).toHaveText('Stance: Neutral → Blocker')
  await expect(entry).toContainText('Backs the rival vendor after the site visit')
  await expect(entry).toContainText('Wang Fang')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  // The org chart shows Zhao coloured as a blocker.
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Org chart').click()
  await expect(page.getByRole('list', { name: 'Org chart' }).getByRole('button', { name: 'Open Director Zhao (Blocker)' })).toBeVisible()

  // On the Plan tab, the budget gate lists Zhao with a risk warning.
  await page.getByRole('tab', { name: 'Plan' }).click()
  await page.getByRole('radiogroup', { name: 'View' }).getByText('Table').click()
  await page.getByRole('button', { name: `Open ${GATE}` }).click()
  const gate = page.getByRole('dialog', { name: 'Milestone 2' })
  const people = gate.getByRole('region', { name: 'People who can move this gate' })
  await expect(people.locator('[data-stakeholder-id]')).toContainText('Director Zhao')
  await expect(people.locator('[data-stakeholder-id]')).toContainText('Blocker')
  await expect(people.getByRole('alert')).toContainText('This gate is at risk')
  await expect(people.getByRole('alert')).toContainText('Director Zhao')
})

test('the pmo holds a retrospective at that gate; the account manager closes her action from My actions', async ({ page }) => {
  test.setTimeout(180_000) // My actions pages through the demo account manager's many deals
  const forAm = `Confirm the budget line with the finance bureau ${Date.now()}`
  const forPmo = 'Move the tender dates in the plan'

  expect(dealId, 'the stakeholder step created the deal').not.toBe('')
  await signIn(page, PMO)

  await page.goto(`/deals/${dealId}`)
  await page.getByRole('tab', { name: 'Retrospectives' }).click()
  await expect(page).toHaveURL(new RegExp(`/deals/${dealId}/retrospectives$`))
  await expect(page.getByText('No retrospective has been held on this deal yet.')).toBeVisible()
  // The gate this retrospective is about is the one the blocker put at risk.

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
  await page.getByRole('link', { name: 'My actions', exact: true }).click()
  await expect(page).toHaveURL(/\/actions$/)
  // My actions groups by deal: the deal's section, its name linking to the deal.
  const mine = await myActionsSection(page, dealName)
  const row = mine.getByRole('row', { name: new RegExp(forAm) })
  await expect(mine.getByRole('link', { name: dealName })).toHaveAttribute('href', `/deals/${dealId}`)
  await expect(mine.getByRole('row', { name: new RegExp(forPmo) })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('my-actions.png'), fullPage: true })
  await row.getByRole('button', { name: `Mark “${forAm}” done` }).click()
  await expect(row.getByRole('button', { name: `Reopen “${forAm}”` })).toBeVisible()
  // After a reload it is gone, on every page of the list.
  await page.reload()
  const more = page.getByRole('button', { name: 'Load more' })
  await expect(page.getByRole('region').first()).toBeVisible()
  while (await more.isVisible()) {
    await more.click()
    await expect(page.locator('button[data-loading]')).toHaveCount(0)
  }
  await expect(page.getByRole('row', { name: new RegExp(forAm) })).toHaveCount(0)
})
