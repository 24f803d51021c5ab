import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './sign-in.ts'

// Zero serious or critical axe findings (WCAG 2.0/2.1 A and AA rules) on the main pages, signed in
// as the demo admin who can open every one of them. A finding is reported with its rule, the
// elements it concerns and axe's summary, so a failure says what to fix.

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
// WCAG 2.5.3 (label in name): a control's accessible name must contain its visible text. axe ships
// the rule as experimental (off unless asked for); the cards and buttons here are held to it.
const LABEL_IN_NAME = 'label-content-name-mismatch'

/** The serious and critical findings on the page as it is now, one line per element. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_21_AA)
    .options({ rules: { [LABEL_IN_NAME]: { enabled: true } } })
    .analyze()
  const checked = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id)
  expect(checked).toContain(LABEL_IN_NAME)
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`))
}

/** The id of a demo deal with a plan, stakeholders and retrospectives to show. */
async function demoDealId(page: Page): Promise<string> {
  const deals = (await (await page.request.get('/api/v1/deals?limit=50&status=open')).json()).items as { id: string; status: string }[]
  return deals.find((d) => d.status === 'open')!.id
}

test('the sign-in page has no serious or critical findings', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Summit' })).toBeVisible()
  expect(await seriousFindings(page)).toEqual([])
})

const signedInPages: { name: string; path: (page: Page) => Promise<string>; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'deals list',
    path: async () => '/deals',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible()
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    },
  },
  {
    name: 'deal plan',
    path: async (page) => `/deals/${await demoDealId(page)}/plan`,
    ready: async (page) => {
      await expect(page.getByRole('tab', { name: 'Plan', selected: true })).toBeVisible()
      await expect(page.getByRole('tabpanel').getByRole('table').first()).toBeVisible()
    },
  },
  {
    name: 'stakeholders',
    path: async (page) => `/deals/${await demoDealId(page)}/stakeholders`,
    ready: async (page) => {
      await expect(page.getByRole('tab', { name: 'Stakeholders', selected: true })).toBeVisible()
      await expect(page.getByRole('table', { name: 'Power map' })).toBeVisible()
    },
  },
  {
    name: 'retrospectives',
    path: async (page) => `/deals/${await demoDealId(page)}/retrospectives`,
    ready: async (page) => {
      await expect(page.getByRole('tab', { name: 'Retrospectives', selected: true })).toBeVisible()
      await expect(page.getByRole('tabpanel').getByRole('button').first()).toBeVisible()
    },
  },
  {
    name: 'My actions',
    path: async () => '/actions',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible()
    },
  },
  ...['users', 'teams', 'templates', 'targets', 'fx-rates', 'settings', 'audit'].map((section) => ({
    name: `admin ${section}`,
    path: async () => `/admin/${section}`,
    ready: async (page: Page) => {
      await expect(page.getByRole('tab', { selected: true })).toBeVisible()
      await expect(page.getByRole('main').locator('table, form, ul').first()).toBeVisible()
    },
  })),
]

for (const { name, path, ready } of signedInPages) {
  test(`the ${name} page has no serious or critical findings`, async ({ page }) => {
    await signIn(page)
    await page.goto(await path(page))
    await ready(page)
    await expect(page.getByRole('status', { name: /loading/i })).toHaveCount(0)
    expect(await seriousFindings(page)).toEqual([])
  })
}
