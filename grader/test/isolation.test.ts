import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { currentIsolation } from '../process/isolation.ts';
import { codesOf, gradeFolder, serverFixture } from './helpers/grade-fixture.ts';
import { listeningPorts, processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';

// What only a PID namespace can promise: programs that leave their process group, and a grader
// killed with SIGKILL, still leave nothing behind. On a machine where the grader falls back to
// process groups these promises do not hold, and the tests say so instead of passing.
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

  test('a grader killed with SIGKILL leaves no program of its behind', async () => {
    const fixture = serverFixture('no-idle-timeout');
    const grader = execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', fixture, '--quick'], { cwd: repoRoot, reject: false });
    const servers = () => processesMentioning([`${fixture}/server.js`]);
    expect(await waitUntil(() => servers().length >= 2, 20_000)).toBe(true);
    grader.kill('SIGKILL');
    await grader;
    expect(await waitUntil(() => servers().length === 0, 1_000)).toBe(true);
  });
});

test.skipIf(namespaced)('without a PID namespace the grader falls back to process groups', () => {
  expect(currentIsolation()).toBe('process-group');
});
