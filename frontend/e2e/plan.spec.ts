import { expect, test, type Page } from '@playwright/test'
import { AM, addToDealTeam, PMO } from './demo-api.ts'
import { signIn } from './sign-in.ts'

// The plan editor against the real server: a pmo creates a G2B deal in the UI, drags a milestone later and
// moves its dependents with it, takes a baseline, closes the first gate, drags again and sees the
// slip against the baseline; a business-role colleague then finds the same plan read-only.


/**
 * Creates an open G2B deal the way a PMO does: New deal on the deals list, the demo Beijing
 * customer, the pmo's team, and the built-in G2B template (the form's default for G2B).
 */
async function createG2BDealInTheUI(page: Page): Promise<string> {
  await page.goto('/deals')
  await page.getByRole('button', { name: 'New deal' }).click()
  const dialog = page.getByRole('dialog', { name: 'New deal' })
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`E2E plan ${Date.now()}`)
  await dialog.getByRole('combobox', { name: 'Customer' }).fill('Beijing')
  await page.getByRole('option', { name: /Beijing Municipal Bureau of Big Data/ }).click()
  await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveValue(/Beijing Municipal Bureau of Big Data/)
  await expect(dialog.getByRole('combobox', { name: 'Team' })).toHaveValue(/North China/) // the pmo's own team first
  await dialog.getByRole('textbox', { name: 'Amount' }).fill('5000000')
  await dialog.getByRole('textbox', { name: 'Target close' }).fill('2028-06-30')
  await expect(dialog.getByRole('combobox', { name: 'Plan template' })).toHaveValue('G2B public procurement')
  await dialog.getByRole('button', { name: 'Create deal' }).click()
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}/)
  return new URL(page.url()).pathname.split('/')[2]
}

/** A milestone's bar in the Gantt chart, found by the name its accessible label starts with. */
function bar(page: Page, name: string) {
  return page.getByRole('button', { name: new RegExp(`^${name}:`) })
}

/** Pixels per day at the chart's default (month) zoom. */
const PX_PER_DAY = 7

/** Scrolls a bar into view and drags its body `days` days to the right with the mouse. */
async function dragLater(page: Page, name: string, days: number): Promise<void> {
  const body = bar(page, name).locator('rect').first()
  await body.scrollIntoViewIfNeeded()
  const box = (await body.boundingBox())!
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + 12, y)
  await page.mouse.down()
  await page.mouse.move(box.x + 12 + (days * PX_PER_DAY) / 2, y, { steps: 5 })
  await page.mouse.move(box.x + 12 + days * PX_PER_DAY, y, { steps: 5 })
  await page.mouse.up()
}

test('a pmo reschedules, baselines and closes a gate; a business colleague sees the plan read-only', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, PMO)
  const dealId = await createG2BDealInTheUI(page)
  await expect(page.getByRole('group', { name: 'Plan timeline' })).toBeVisible()
  await expect(page.locator('[data-milestone-id]')).toHaveCount(14)

  // Drag the first milestone a week later: the dialog lists its dependents moving with it.
  await dragLater(page, 'Need shaping and solution exchange', 7)
  let dialog = page.getByRole('dialog', { name: 'Reschedule Need shaping and solution exchange' })
  await expect(dialog.getByRole('row', { name: /Budget application support/ })).toContainText('+7d')
  await expect(dialog.getByRole('row', { name: /Payment received/ })).toBeVisible()
  const before = await bar(page, 'Budget application support').getAttribute('aria-label')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog).toBeHidden()
  await expect(bar(page, 'Budget application support')).not.toHaveAttribute('aria-label', before!)

  // Take a baseline.
  await page.getByRole('button', { name: 'Take baseline' }).click()
  dialog = page.getByRole('dialog', { name: 'Take baseline' })
  await dialog.getByLabel('Name').fill('Agreed plan')
  await dialog.getByLabel('Reason').fill('Kick-off with the customer')
  await dialog.getByRole('button', { name: 'Take baseline' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: 'Baselines' })).toContainText('Agreed plan')
  await expect(page.getByText('No milestone’s dates differ from this baseline.')).toBeVisible()

  // Mark the first gate done (it has no dependencies); completed on defaults to today.
  await page.getByRole('button', { name: '1. Need shaping and solution exchange', exact: true }).click()
  const drawer = page.getByRole('dialog', { name: 'Milestone 1' })
  await drawer.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: 'Done' }).click()
  await expect(drawer.getByLabel('Completed on')).not.toHaveValue('')
  await drawer.getByRole('button', { name: 'Save' }).click()
  await expect(drawer).toBeHidden()
  await expect(bar(page, 'Need shaping and solution exchange')).toHaveAttribute('aria-label', /\(Done\)( — |$)/)

  // Drag the next milestone a week later: it and its dependents now slip against the baseline.
  await dragLater(page, 'Budget application support', 7)
  dialog = page.getByRole('dialog', { name: 'Reschedule Budget application support' })
  await expect(dialog.getByRole('row', { name: /Project approval/ })).toBeVisible()
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog).toBeHidden()
  await expect(bar(page, 'Budget application support')).toContainText('+7d')
  await expect(bar(page, 'Payment received')).toContainText('+7d')
  await expect(page.getByRole('table', { name: /Differences between .* and “Current plan”/ }).getByRole('row', { name: /Budget application support/ })).toContainText('+7d')

  // A business-role colleague on the deal team may read the plan but not change it.
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])
  await page.context().clearCookies()
  await signIn(page, AM)
  const writes: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'GET' && /\/milestones\//.test(request.url())) writes.push(`${request.method()} ${request.url()}`)
  })
  await page.goto(`/deals/${dealId}`)
  await expect(page.locator('[data-milestone-id]')).toHaveCount(14)
  await expect(page.getByText('You can view this plan but not change it.')).toBeVisible()
  await expect(page.locator('[data-draggable], [data-resize-handle]')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Add milestone' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Import CSV/XLSX' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Take baseline' })).toHaveCount(0)

  await dragLater(page, 'Budget application support', 7) // the bar does not move: the press is a click that opens it
  const readOnly = page.getByRole('dialog', { name: 'Milestone 2' })
  await expect(readOnly.getByRole('textbox', { name: 'Name', exact: true })).toBeDisabled()
  await expect(readOnly.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await expect(readOnly.getByRole('button', { name: 'Remove' })).toHaveCount(0)
  await expect(page.getByRole('dialog', { name: /^Reschedule/ })).toHaveCount(0)
  await readOnly.getByRole('button', { name: 'Close' }).last().click()
  await expect(readOnly).toBeHidden()

  await page.getByRole('radiogroup', { name: 'View' }).getByText('Table').click()
  await expect(page).toHaveURL(/view=table/)
  await expect(page.getByRole('table', { name: 'Plan', exact: true }).getByRole('row')).toHaveCount(15)
  await expect(page.getByRole('button', { name: /^Edit |^Move .* (up|down)$|^Remove / })).toHaveCount(0)
  expect(writes).toEqual([])
})
