import { expect, test, type Locator, type Page } from '@playwright/test'
import { signIn } from './sign-in.ts'

// A phone, 390 × 844 CSS pixels: reading a deal (its plan as a Gantt chart and its stakeholders'
// power map) and My actions must work without the page scrolling sideways or the header clipping
// the account menu. Wide content (the Gantt's timeline, the power map) scrolls inside its own box.

const PHONE = { width: 390, height: 844 }
test.use({ viewport: PHONE, hasTouch: true, isMobile: true })

/** How wide the page is: more than the screen means it scrolls (or clips) sideways. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.scrollingElement.scrollWidth')
}

/** The id of an open demo deal with a plan and stakeholders. */
async function demoDealId(page: Page): Promise<string> {
  const deals = (await (await page.request.get('/api/v1/deals?limit=50&status=open')).json()).items as { id: string; status: string }[]
  return deals.find((d) => d.status === 'open')!.id
}

/** The element's box; it must be laid out. */
async function box(locator: Locator) {
  const found = await locator.boundingBox()
  expect(found).not.toBeNull()
  return found!
}

/** The header fits, with the account menu and the navigation button whole on the screen. */
async function expectHeaderFits(page: Page) {
  const header = page.locator('header')
  const account = header.locator('button[aria-haspopup="menu"]')
  await expect(account).toBeInViewport({ ratio: 1 })
  await expect(header.getByRole('button', { name: 'Open navigation' })).toBeInViewport({ ratio: 1 })
  expect((await box(account)).x + (await box(account)).width).toBeLessThanOrEqual(PHONE.width)
}

test.beforeEach(async ({ page }) => {
  await signIn(page)
})

test('the header fits a phone and its account menu opens', async ({ page }) => {
  await page.goto('/deals')
  await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()

  await expectHeaderFits(page)
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await page.locator('header button[aria-haspopup="menu"]').click()
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeInViewport()
})

test('a deal opens with its tabs on the first screen, the details folded away', async ({ page }) => {
  await page.goto(`/deals/${await demoDealId(page)}/plan`)
  const tabs = page.getByRole('tablist', { name: 'Deal sections' })
  await expect(tabs).toBeVisible()

  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await expectHeaderFits(page)
  // The header takes at most the top half of the screen: the tabs and the plan start above the middle.
  expect((await box(tabs)).y).toBeLessThan(PHONE.height / 2)
  await expect(page.getByText('Customer', { exact: true })).toBeHidden()

  await page.getByRole('button', { name: 'Show details' }).click()
  await expect(page.getByText('Customer', { exact: true })).toBeVisible()
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await page.getByRole('button', { name: 'Hide details' }).click()
  await expect(page.getByText('Customer', { exact: true })).toBeHidden()
})

test('the Gantt chart leaves most of a phone to the timeline', async ({ page }) => {
  await page.goto(`/deals/${await demoDealId(page)}/plan`)
  const chart = page.getByRole('group', { name: 'Plan timeline' })
  await expect(chart).toBeVisible()

  const timeline = chart.locator('xpath=..')
  const shown = await box(timeline)
  // The milestone column narrows to the numbers; the timeline gets the rest of the screen.
  expect(shown.width).toBeGreaterThanOrEqual(PHONE.width * 0.7)
  expect(shown.x + shown.width).toBeLessThanOrEqual(PHONE.width)
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  // The milestones are still named for the tap that opens one.
  await expect(page.getByRole('button', { name: /^1\. / })).toBeVisible()
})

test("the stakeholders' power map scrolls to its blocker column", async ({ page }) => {
  await page.goto(`/deals/${await demoDealId(page)}/stakeholders`)
  const map = page.getByRole('table', { name: 'Power map' })
  await expect(map).toBeVisible()
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await expectHeaderFits(page)

  const blocker = map.getByRole('columnheader', { name: 'Blocker' })
  await blocker.scrollIntoViewIfNeeded()
  await expect(blocker).toBeInViewport({ ratio: 1 })
  // The map scrolled inside its own box; the page did not.
  expect(await page.evaluate<number>('document.scrollingElement.scrollLeft')).toBe(0)
  await expect(page.getByRole('button', { name: 'Add stakeholder' })).toBeVisible()
})

test('My actions reads on a phone', async ({ page }) => {
  await page.goto('/actions')
  await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible()

  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width)
  await expectHeaderFits(page)
})
