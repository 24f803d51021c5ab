import { defineConfig } from '@playwright/test'

// End-to-end tests against the real summit binary. Unless SUMMIT_E2E_URL points at a server
// already running, Playwright starts `bin/summit dev` on port 18080 with the DATABASE_URL it
// inherits (`make test` runs this under pgrun, which provides a throwaway PostgreSQL).
// SUMMIT_E2E_PORT (default 18080) lets several checkouts run their suites side by side.
const externalServer = process.env.SUMMIT_E2E_URL
const port = process.env.SUMMIT_E2E_PORT ?? '18080'
const baseURL = externalServer ?? `http://127.0.0.1:${port}`

export default defineConfig({
  webServer: externalServer
    ? undefined
    : {
        command: '../bin/summit dev',
        url: `${baseURL}/readyz`,
        env: { SUMMIT_ADDR: `127.0.0.1:${port}`, SUMMIT_LOG_LEVEL: 'warn' },
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Sized for a busy 2-core CI machine, not an idle one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium; Playwright's own browser downloads are not reachable here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
