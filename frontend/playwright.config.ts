import { defineConfig, type PlaywrightTestConfig } from '@playwright/test'

type WebServer = Extract<NonNullable<PlaywrightTestConfig['webServer']>, { command: string }>

// End-to-end tests against the real summit binary. Unless SUMMIT_E2E_URL points at a server
// already running, Playwright starts `bin/summit dev` on port 18080 with the DATABASE_URL it
// inherits (`make test` runs this under pgrun, which provides a throwaway PostgreSQL).
// SUMMIT_E2E_PORT (default 18080) lets several checkouts run their suites side by side.
//
// SUMMIT_E2E_SHARDS=2 (what `make test` sets) splits the specs over two servers, each with
// its own throwaway PostgreSQL (bin/pgrun) and demo data, on ports PORT and PORT+1, one
// worker each: the specs of one shard run one after another against their own server, so
// no two specs ever change the same demo data at once. SHARD_B lists the second shard's
// specs, chosen so the two take about as long; a new spec runs in the first.
const externalServer = process.env.SUMMIT_E2E_URL
const port = Number(process.env.SUMMIT_E2E_PORT ?? '18080')
const shards = externalServer ? 1 : Math.min(Math.max(Number(process.env.SUMMIT_E2E_SHARDS ?? '1') || 1, 1), 2)
const urlOf = (shard: number) => externalServer ?? `http://127.0.0.1:${port + shard}`
const SHARD_B = [
  'gate-at-risk.spec.ts',
  'deals.spec.ts',
  'history.spec.ts',
  'confidence.spec.ts',
  'my-actions.spec.ts',
  'plan.spec.ts',
  'shell.spec.ts',
  'admin-users.spec.ts',
  'plan-trust.spec.ts',
  'what-changed.spec.ts',
  'calibration.spec.ts',
  'demo-history.spec.ts',
].map((f) => `**/${f}`)

function webServer(shard: number): WebServer {
  return {
    // One shard uses the DATABASE_URL it inherits; with two, each server gets its own cluster.
    command: shards === 1 ? '../bin/summit dev' : '../bin/pgrun -- ../bin/summit dev',
    url: `${urlOf(shard)}/readyz`,
    env: { SUMMIT_ADDR: `127.0.0.1:${port + shard}`, SUMMIT_LOG_LEVEL: 'warn' },
    reuseExistingServer: false,
    timeout: 180_000,
    // pgrun stops its cluster when the server has stopped: ask, don't kill.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  }
}

export default defineConfig({
  webServer: externalServer ? undefined : Array.from({ length: shards }, (_, i) => webServer(i)),
  workers: shards,
  projects:
    shards === 1
      ? [{ name: 'e2e', use: { baseURL: urlOf(0) } }]
      : [
          { name: 'a', testIgnore: SHARD_B, use: { baseURL: urlOf(0) }, workers: 1 },
          { name: 'b', testMatch: SHARD_B, use: { baseURL: urlOf(1) }, workers: 1 },
        ],
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Sized for a busy 2-core CI machine, not an idle one.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
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
