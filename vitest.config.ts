import { defineConfig } from 'vitest/config';

// The hostile submissions (floods, fork bombs, CPU spinners) and the interrupted graders load
// the machine on purpose: they run after the other tests, one file at a time, so that the
// timing checks of the ordinary fixtures never share two cores with them.
// The grades in the machine's own network (and the portable ways') use its port 12345, and so
// run one at a time too.
const hostileFiles = ['grader/test/hostile.test.ts', 'grader/test/sandbox.test.ts', 'grader/test/interrupts.test.ts', 'grader/test/machine-network.test.ts', 'grader/test/portable.test.ts', 'grader/test/suite-honesty.test.ts', 'grader/test/sandbox-elsewhere.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['grader/test/helpers/no-leftovers.ts'],
    // Every test spawns real programs and waits on real timeouts.
    testTimeout: 90_000,
    hookTimeout: 30_000,
    // Several grades at once, but not so many that two cores make timing flaky.
    maxConcurrency: 3,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'grader', include: ['grader/test/**/*.test.ts'], exclude: hostileFiles, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'hostile', include: hostileFiles, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
