import { expect, test, type Page } from '@playwright/test'
import { signIn, type Account } from './sign-in.ts'

// The deals list and a deal workspace against the real server and its demo data, as the demo PMO
// (Li Wei, a member of Government Business / North China), who sees the deals of that team.

const PMO: Account = { email: 'pmo@summit.example', password: 'summit-demo-2026' }

test.beforeEach(async ({ page }) => {
  await signIn(page, PMO)
})

/** The deal names the list shows, in order. */
async function dealNames(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Deals' })
  await expect(table).toBeVisible()
  return table.locator('tbody tr td:first-child').allInnerTexts()
}

test('filters the list by segment and search, and the URL keeps both across a reload', async ({ page }) => {
  await page.goto('/deals')
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
  const all = await dealNames(page)
  expect(all.length).toBeGreaterThan(2)

  await page.getByRole('combobox', { name: 'Segment' }).click()
  await page.getByRole('option', { name: 'Government (G2B)' }).click()
  await expect(page).toHaveURL(/[?&]segment=g2b/)
  await page.getByRole('searchbox', { name: 'Search' }).fill('platform')
  await expect(page).toHaveURL(/[?&]q=platform/)

  await expect.poll(() => dealNames(page)).not.toEqual(all)
  const found = await dealNames(page)
  expect(found.length).toBeGreaterThan(0)
  const segments = await page.getByRole('table', { name: 'Deals' }).locator('tbody tr td:nth-child(3)').allInnerTexts()
  expect(new Set(segments)).toEqual(new Set(['G2B']))

  await page.reload()
  await expect(page).toHaveURL(/[?&]segment=g2b/)
  await expect(page).toHaveURL(/[?&]q=platform/)
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('platform')
  await expect(page.getByRole('combobox', { name: 'Segment' })).toHaveValue('Government (G2B)')
  await expect.poll(() => dealNames(page)).toEqual(found)
})

test('opens on the open deals; Status → All lists the closed ones too', async ({ page }) => {
  await page.goto('/deals')
  const status = page.getByRole('combobox', { name: 'Status' })
  await expect(status).toHaveValue('Open')
  const statuses = () => page.getByRole('table', { name: 'Deals' }).locator('tbody tr td:nth-child(7)').allTextContents()
  await expect.poll(async () => new Set(await statuses())).toEqual(new Set(['Open']))

  await status.click()
  await page.getByRole('option', { name: 'All' }).click()
  await expect(page).toHaveURL(/[?&]status=all/)
  // The demo's history closed deals two years ago: by target close they come first.
  await expect.poll(async () => (await statuses()).some((s) => s !== 'Open')).toBe(true)
})

test('sorts by amount through the column header, in the URL', async ({ page }) => {
  await page.goto('/deals')
  await page.getByRole('button', { name: /^Amount/ }).click()
  await expect(page).toHaveURL(/[?&]sort=amount_minor/)
  await expect(page.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByRole('button', { name: /^Amount/ }).click()
  await expect(page).toHaveURL(/[?&]sort=-amount_minor/)
  await expect(page.getByRole('columnheader', { name: /Amount/ })).toHaveAttribute('aria-sort', 'descending')
})

test('opens a deal: header, tabs, then Team and Activity', async ({ page }) => {
  await page.goto('/deals?q=education')
  await page.getByRole('link', { name: 'Provincial education cloud' }).click()

  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Provincial education cloud' })).toBeVisible()
  await expect(page.getByText('Hebei Provincial Department of Education', { exact: false }).first()).toBeVisible()
  await expect(page.getByRole('group', { name: /^Deal team: / })).toContainText('Li Wei')
  await expect(page.getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tab', { name: 'Stakeholders' })).toBeEnabled()
  await expect(page.getByRole('tab', { name: 'Retrospectives' })).toBeEnabled()
  // The demo PMO holds the pmo role on this deal, so the deal's actions are offered.
  await expect(page.getByRole('button', { name: 'Edit deal' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Change status' })).toBeVisible()

  await page.getByRole('tab', { name: 'Team' }).click()
  await expect(page).toHaveURL(/\/team$/)
  const team = page.getByRole('table', { name: 'Deal team' })
  await expect(team.getByText('pmo@summit.example')).toBeVisible()
  await expect(team.getByRole('group', { name: /^Roles of Li Wei/ }).getByRole('checkbox', { name: 'PMO' })).toBeChecked()

  await page.getByRole('tab', { name: 'Activity' }).click()
  await expect(page).toHaveURL(/\/activity$/)
  await expect(page.getByText(/created the deal “.+”$/)).toBeVisible()

  await page.reload()
  await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('link', { name: /All deals/ }).click()
  await expect(page).toHaveURL(/\/deals\?q=education$/)
})

test('a deal that does not exist, or is hidden, is not found', async ({ page }) => {
  await page.goto('/deals/00000000-0000-4000-8000-000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Deal not found' })).toBeVisible()
})
