import { expect, test } from '@playwright/test'
import { AM, addToDealTeam, createG2BDeal, csrfToken, PMO } from './demo-api.ts'
import { signIn, signOut, switchLanguage } from './sign-in.ts'

// Readable history against the real server, in steps that run in order on one deal:
// 1. the account manager adds a new contact who reports to the decision maker, sees the org chart
//    as a tree and finds the line in the person drawer;
// 2. she reads the deal's activity in Chinese: stakeholder changes and a milestone's change, the
//    milestone by its Chinese name, statuses and stances translated;
// 3. the admin filters the audit log by who and what about, and reads names instead of ids.

const stamp = Date.now()
const dealName = `E2E history ${stamp}`
const boss = `Director Zhao ${stamp}`
const report = `Engineer Qian ${stamp}`
let dealId = ''
let firstMilestone = { id: '', name: '', name_zh: '', version: 0 }

test.describe.configure({ mode: 'serial' })

test('a new contact reports to the decision maker; the org chart is a tree', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, PMO)
  dealId = await createG2BDeal(page.request, dealName)
  await addToDealTeam(page.request, dealId, [{ email: AM.email, role: 'business' }])
  // The PMO starts the first milestone: a status change for the activity trail.
  const plan = (await (await page.request.get(`/api/v1/deals/${dealId}/milestones`)).json()).items as (typeof firstMilestone)[]
  firstMilestone = plan[0]!
  const started = await page.request.patch(`/api/v1/milestones/${firstMilestone.id}`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request), 'If-Match': `"${firstMilestone.version}"` },
    data: { status: 'in_progress' },
  })
  expect(started.status()).toBe(200)
  await signOut(page)

  await signIn(page, AM)
  const headers = { 'X-CSRF-Token': await csrfToken(page.request) }
  const zhao = await page.request.post(`/api/v1/deals/${dealId}/stakeholders`, {
    headers, data: { name: boss, title: 'Bureau director', decision_role: 'decision_maker', influence: 5, stance: 'neutral' },
  })
  expect(zhao.status()).toBe(201)

  await page.goto(`/deals/${dealId}/stakeholders`)
  await page.getByRole('button', { name: 'Add stakeholder' }).click()
  const add = page.getByRole('dialog', { name: 'Add stakeholder' })
  await add.getByText('New contact', { exact: true }).click()
  await add.getByRole('textbox', { name: 'Name' }).fill(report)
  await add.getByRole('textbox', { name: 'Title' }).fill('Chief engineer')
  await add.getByRole('combobox', { name: 'Reports to' }).fill(boss)
  await page.getByRole('option', { name: `${boss} · Bureau director` }).click()
  await add.getByRole('combobox', { name: 'Decision role' }).click()
  await page.getByRole('option', { name: 'Technical evaluator' }).click()
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(add).toBeHidden()

  // The org chart nests the engineer under the director.
  await page.goto(`/deals/${dealId}/stakeholders?view=org`)
  const chart = page.getByRole('list', { name: 'Org chart' })
  const bossBranch = chart.locator('li').filter({ has: page.getByRole('button', { name: new RegExp(`^Open ${boss} \\(`) }) }).first()
  await expect(bossBranch.locator('ul').getByRole('button', { name: new RegExp(`^Open ${report} \\(`) })).toBeVisible()

  // The drawer shows the line, and changing the stance there goes into the activity trail.
  await bossBranch.locator('ul').getByRole('button', { name: new RegExp(`^Open ${report} \\(`) }).click()
  const drawer = page.getByRole('dialog', { name: report })
  await expect(drawer.getByRole('combobox', { name: 'Reports to' })).toHaveValue(`${boss} · Bureau director`)
  await drawer.getByRole('combobox', { name: 'Stance' }).click()
  await page.getByRole('option', { name: 'Supporter' }).click()
  await drawer.getByRole('textbox', { name: /Why did the stance change/ }).fill('Liked the pilot')
  await drawer.getByRole('button', { name: 'Save' }).click()
  await expect(drawer).toBeHidden()
})

test('the activity reads in Chinese, milestones by their Chinese names', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, AM)
  await switchLanguage(page, '中文')
  try {
    await page.goto(`/deals/${dealId}/activity`)
    const trail = page.getByRole('main')
    await expect(trail.getByText(new RegExp(`将 ${report} 添加为干系人$`))).toBeVisible()
    await expect(trail.getByText(new RegExp(`更新了干系人 ${report}$`))).toBeVisible()
    await expect(trail.getByText('立场: 中立 → 支持者')).toBeVisible()
    await expect(trail.getByText(new RegExp(`修改了里程碑“${firstMilestone.name_zh}”$`))).toBeVisible()
    await expect(trail.getByText('状态: 计划中 → 进行中')).toBeVisible()
    // Nothing is shown by its code or in English.
    await expect(trail.getByText(/stakeholder\.|milestone\.|planned|in progress/)).toHaveCount(0)
    await expect(trail.getByText(firstMilestone.name, { exact: false })).toHaveCount(0)
  } finally {
    await switchLanguage(page, 'English')
  }
})

test('the admin filters the audit log by who and what about, and reads names', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page)
  const me = (await (await page.request.get('/api/v1/me')).json()).user as { id: string; name: string }
  const team = `E2E audit team ${stamp}`
  const created = await page.request.post('/api/v1/teams', { headers: { 'X-CSRF-Token': await csrfToken(page.request) }, data: { name: team } })
  expect(created.status()).toBe(201)

  await page.goto('/admin/audit')
  await page.getByRole('combobox', { name: 'Who' }).fill(me.name)
  await page.getByRole('option', { name: me.name, exact: true }).click()
  await page.getByRole('combobox', { name: 'About' }).click()
  await page.getByRole('option', { name: 'Team', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`actor_id=${me.id}`))
  await expect(page).toHaveURL(/subject_type=team/)

  const row = page.getByRole('row').filter({ hasText: `Team: ${team}` })
  await expect(row).toBeVisible()
  await expect(row.getByRole('cell', { name: me.name, exact: true })).toBeVisible()
  await expect(row.getByText(`Name: ${team}`)).toBeVisible()
  // Every row is the admin's and about a team.
  for (const subject of await page.getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).locator('td:nth-child(4)').allTextContents()) {
    expect(subject).toMatch(/^Team/)
  }

  // A day range that ends before the team was created hides it.
  await page.getByLabel('To', { exact: true }).fill('2020-01-01')
  await expect(page).toHaveURL(/to=2020-01-01/)
  await expect(page.getByText('No entries.')).toBeVisible()
})
