import { expect, test } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, PMO } from './demo-api.ts'
import { signIn } from './sign-in.ts'

// The stakeholder map against the real server: the pmo creates a G2B deal and puts an account
// manager on its team; the account manager adds the budget gate's decision maker, turns them from
// neutral to blocker with a note, finds the change in their history, and sees the gate flagged on
// the Plan tab.

const GATE = 'Budget application support'

test('an account manager maps the budget gate’s decision maker, who turns blocker, and the plan flags the gate', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, PMO)
  const dealId = await createG2BDeal(page.request, `E2E stakeholders ${Date.now()}`)
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
