import { expect, test, type Page } from '@playwright/test'
import { createG2BDeal, PMO } from './demo-api.ts'
import { signIn } from './sign-in.ts'

// Excel that round-trips: a pmo exports the plan, imports the same file back (merge, the
// default) and is told nothing changed; replaces the plan with a three-row CSV, sees the
// summary and undoes it in one click; a file with a dependency cycle is refused naming its rows.

const HEADER = 'seq,name,owner_role,planned_start,planned_due,depends_on'

function csv(rows: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n') + '\n') }
}

/** Opens the import dialog, picks `file`, chooses `mode` and imports; returns the dialog. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, mode: 'Merge' | 'Replace' = 'Merge') {
  await page.getByRole('button', { name: 'Import CSV/XLSX' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import a plan' })
  await expect(dialog.getByRole('radio', { name: /^Merge/ })).toBeChecked()
  if (mode === 'Replace') await dialog.getByRole('radio', { name: /^Replace/ }).check()
  await dialog.locator('input[type="file"]').setInputFiles(file)
  await dialog.getByRole('button', { name: mode === 'Replace' ? 'Replace the plan' : 'Import and merge' }).click()
  return dialog
}

async function expectCounts(page: Page, counts: [number, number, number, number]) {
  const table = page.getByRole('dialog', { name: 'Import a plan' }).getByRole('table', { name: 'What the import changed' })
  await expect(table.getByRole('row')).toHaveText([`Added${counts[0]}`, `Updated${counts[1]}`, `Removed${counts[2]}`, `Unchanged${counts[3]}`])
}

test('the exported plan imports back unchanged; a replace is summarised and undone; a cycle names its rows', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await signIn(page, PMO)
  const dealId = await createG2BDeal(page.request, `E2E excel ${Date.now()}`)
  await page.goto(`/deals/${dealId}`)
  const milestones = page.locator('[data-milestone-id]')
  await expect(milestones).toHaveCount(14)

  // Export in English and import the same file back: nothing changes.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export XLSX' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/-plan\.xlsx$/)
  const exported = testInfo.outputPath('plan.xlsx')
  await download.saveAs(exported)
  let dialog = await importFile(page, exported)
  await expect(dialog.getByRole('status')).toHaveText('The file matches the plan: nothing changed.')
  await expectCounts(page, [0, 0, 0, 14])
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The Chinese export imports back unchanged too.
  const chinese = await page.request.get(`/api/v1/deals/${dealId}/plan.xlsx?lang=zh-CN`)
  expect(chinese.ok()).toBe(true)
  dialog = await importFile(page, { name: '计划.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await chinese.body() })
  await expectCounts(page, [0, 0, 0, 14])
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Replace with three rows: the summary says so, and Undo brings the 14 back.
  dialog = await importFile(page, csv(['1,Kick-off,pmo,2027-01-04,2027-01-08,', '2,Survey,solution,2027-01-11,2027-01-15,1', '3,Offer,business,2027-01-18,2027-01-22,2']), 'Replace')
  await expect(dialog.getByRole('status')).toHaveText('The file was imported.')
  await expectCounts(page, [3, 0, 14, 0])
  await expect(milestones).toHaveCount(3)
  await dialog.getByRole('button', { name: 'Undo import' }).click()
  await expect(dialog.getByRole('status')).toHaveText('The import was undone: the plan is as it was before.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(milestones).toHaveCount(14)

  // Rows 3 and 4 depend on each other: refused, naming both rows; the plan stays.
  dialog = await importFile(page, csv(['1,Kick-off,pmo,2027-01-04,2027-01-08,', '2,Survey,solution,2027-01-11,2027-01-15,3', '3,Offer,business,2027-01-18,2027-01-22,2']))
  const problems = dialog.getByRole('table', { name: /not imported/ })
  await expect(problems.getByRole('row')).toHaveText(['RowColumnProblem', /^3depends_on.*3 → 4 → 3/, /^4depends_on.*3 → 4 → 3/])
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(milestones).toHaveCount(14)
})
