import { expect, test } from '@playwright/test'
import { signIn } from './sign-in.ts'

// The real app under the server's security headers: a strict Content-Security-Policy
// (no inline script) must not block anything the app needs. A blocked script or style fails
// silently in the page, so the test collects Chromium's CSP reports from the console and the
// `securitypolicyviolation` events, visits every page and every deal tab, and expects none.

test('every page runs under the strict Content-Security-Policy without a violation', async ({ page }) => {
  test.setTimeout(180_000) // every page and tab of the app
  const violations: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|securitypolicyviolation/i.test(m.text())) violations.push(m.text())
  })
  // Browser-side code as strings: the e2e TypeScript project has no DOM types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      console.error('securitypolicyviolation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + e.sourceFile + ':' + e.lineNumber))`,
  })

  const doc = await page.goto('/sign-in')
  const headers = doc!.headers()
  expect(headers['content-security-policy']).toContain("script-src 'self';")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')

  await signIn(page)
  const pages = ['/board', '/deals', '/actions', '/profile', '/profile/tokens', '/admin/users', '/admin/teams', '/admin/templates', '/admin/audit', '/no-such-page']
  for (const path of pages) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await page.waitForLoadState('networkidle')
  }
  const deals = (await (await page.request.get('/api/v1/deals?limit=1')).json()).items as { id: string }[]
  for (const tab of ['plan', 'confidence', 'stakeholders', 'retrospectives', 'team', 'activity']) {
    await page.goto(`/deals/${deals[0].id}/${tab}`)
    await expect(page.getByRole('tab', { selected: true })).toBeVisible()
    await page.waitForLoadState('networkidle')
  }
  expect(violations).toEqual([])

  // The policy really is enforced in the browser: an injected inline script does not run.
  await page.evaluate(`{
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.body.append(s)
  }`)
  await expect.poll(() => violations.length).toBeGreaterThan(0)
  expect(await page.evaluate('window.__inlineRan === true')).toBe(false)
})
