import { expect, test } from '@playwright/test'
import { signIn, signOut } from './sign-in.ts'

// An admin creates a member; the member then sees no administration and is refused at /admin.

test('a member created by the admin has no access to administration', async ({ page }) => {
  const member = { email: `member-${Date.now()}@summit.example`, password: 'member-pass-2026!' }

  await signIn(page)
  await page.goto('/admin/users')
  await page.getByRole('button', { name: 'New user' }).click()
  const dialog = page.getByRole('dialog', { name: 'New user' })
  await dialog.getByLabel('Email').fill(member.email)
  await dialog.getByLabel('Name').fill('E2E Member')
  await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(member.password)
  await dialog.getByRole('button', { name: 'Create user' }).click()
  await expect(dialog).toBeHidden()

  await page.getByLabel('Search').fill(member.email)
  await expect(page).toHaveURL(/[?&]q=/)
  const row = page.getByRole('row').filter({ hasText: member.email })
  await expect(row).toContainText('Member')
  await expect(row).toContainText('Active')

  await signOut(page)
  await signIn(page, member)

  await expect(page.getByRole('navigation').getByRole('link', { name: 'Board' })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Admin' })).toHaveCount(0)

  await page.goto('/admin/users')
  await expect(page.getByText(/You don.t have access to administration/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'New user' })).toHaveCount(0)
})
