import { defineConfig } from 'vitest/config';

// End-to-end tests: a real Chromium with the built extension (run `npm run build` first).
// One file at a time: each launches its own browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A real browser on a shared two-core machine: the first banner after a cold start can take
    // seconds. These are upper bounds for waiting, not timing assertions.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
