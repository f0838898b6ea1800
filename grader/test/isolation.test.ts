import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { currentIsolation } from '../process/isolation.ts';
import { codesOf, gradeFolder, runCli } from './helpers/grade-fixture.ts';
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

test('with process groups only, a helper that escapes with the port is reported: the port is still in use', async () => {
  const fixture = `${repoRoot}/grader/test/fixtures/hostile/escapes-with-the-port`;
  const json = path.join(mkdtempSync(path.join(tmpdir(), 'lab-escape-')), 'results.json');
  try {
    const run = await runCli([fixture, '--quick', '--json', json, '--lang', 'en'], { LAB_GRADER_ISOLATION: 'process-group' });
    const result = JSON.parse(readFileSync(json, 'utf8')) as { portsLeftBound: number[]; analysis: { port?: number } };
    // Each copy of the server left its helper: at least the port of the first one.
    expect(result.portsLeftBound).toContain(result.analysis.port);
    expect(run.stdout).toMatch(/Still in use after the grader had ended every program it started: ports? \d+/);
  } finally {
    for (const leftover of processesMentioning([fixture])) process.kill(leftover.pid, 'SIGKILL');
    rmSync(path.dirname(json), { recursive: true, force: true });
  }
});
