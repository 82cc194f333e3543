import { defineConfig } from 'vitest/config';

// Three projects so each kind of test runs with what it needs:
// unit tests are pure and parallel; bundle tests need `dist/`; browser tests share one Chromium at a time.
export default defineConfig({
  test: {
    projects: [
      // Timeouts here only catch hangs: speed is measured in the bench, and property tests on a busy
      // two-core machine can take several times their quiet-machine time.
      { test: { name: 'unit', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/bundles/**', 'test/browser/**'], testTimeout: 30_000 } },
      { test: { name: 'bundles', include: ['test/bundles/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
