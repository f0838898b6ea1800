import { describe, expect, test } from 'vitest';
import { currentIsolation } from '../process/isolation.ts';
import { codesOf, gradeFolder } from './helpers/grade-fixture.ts';
import { listeningPorts, processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';

// What only a PID namespace can promise: programs that leave their process group still leave
// nothing behind (for a grader killed with SIGKILL, see interrupts.test.ts). On a machine where
// the grader falls back to process groups this does not hold, and the tests say so instead.
const namespaced = currentIsolation() === 'pid-namespace';
const hostile = `${repoRoot}/grader/test/fixtures/hostile/setsid-helper-holds-port`;

describe.runIf(namespaced)('with a PID namespace per program', () => {
  test('a helper that escapes the process group (setsid, ignores SIGTERM, holds the port) is gone after the grade', async () => {
    const result = await gradeFolder(hostile);
    expect(codesOf(result)).toEqual([]);
    const port = result.analysis.port ?? 0;
    expect(await waitUntil(() => processesMentioning([hostile]).length === 0, 1_000)).toBe(true);
    expect(listeningPorts().has(port)).toBe(false);
  });
});

test.skipIf(namespaced)('without a PID namespace the grader falls back to process groups', () => {
  expect(currentIsolation()).toBe('process-group');
});
