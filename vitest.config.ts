import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['grader/test/**/*.test.ts'],
    globalSetup: ['grader/test/helpers/no-leftovers.ts'],
    // Every test spawns real programs and waits on real timeouts.
    testTimeout: 90_000,
    hookTimeout: 30_000,
    // Several grades at once, but not so many that two cores make timing flaky.
    maxConcurrency: 3,
    pool: 'forks',
  },
});
