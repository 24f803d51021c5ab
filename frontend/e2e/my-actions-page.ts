import { expect, type Locator, type Page } from '@playwright/test'

/**
 * The section of a deal on My actions (open at /actions), following "Load more" while the demo
 * data's deals come first: My actions is paged, grouped by deal, soonest due first.
 */
export async function myActionsSection(page: Page, dealName: string): Promise<Locator> {
  const section = page.getByRole('region', { name: dealName })
  const more = page.getByRole('button', { name: 'Load more' })
  await expect(section.or(more).or(page.getByText('You have no open action items. Well done.')).first()).toBeVisible()
  while (!(await section.isVisible()) && (await more.isVisible())) {
    await more.click()
    await expect(section.or(more).first()).toBeVisible()
  }
  await expect(section).toBeVisible()
  return section
}
