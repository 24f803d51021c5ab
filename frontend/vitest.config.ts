import { availableParallelism } from 'node:os'
import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Unit and component tests only; the Playwright specs in e2e/ run with `npm run e2e`.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
      restoreMocks: true,
      unstubGlobals: true,
      // CI machines are small and busy: size waits for a loaded machine, not an idle one.
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // Vitest's default is one worker fewer than the cores: on a 2-core CI machine, a
      // single worker left the suite at 223 s. Both cores for the two test workers; the
      // timeouts above already allow for the sharing.
      maxWorkers: availableParallelism(),
      // One jsdom per worker rather than per file (Vitest still loads each file's own
      // modules afresh, mocks included): 148 s → 52 s for the suite on 2 cores. Every test
      // starts clean: src/test/setup.ts empties the DOM after each test and localStorage
      // and the language before each; the suite passes in shuffled file orders
      // (`npx vitest run --sequence.shuffle.files --sequence.seed=N`).
      isolate: false,
    },
  }),
)
