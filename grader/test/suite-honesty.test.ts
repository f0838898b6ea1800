import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { repoRoot } from './helpers/processes.ts';

// The suite's promise that nothing is left behind (helpers/no-leftovers.ts) must make the run
// fail when it is broken: Vitest reports a teardown's error and exits 0 unless told otherwise.
// A child run of one passing test, with and without a program left running on purpose. Runs
// with the hostile files, after the others: no other test's programs are about then.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-honesty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function childSuite(env: Record<string, string>) {
  const config = path.join(repoRoot, 'grader/test/fixtures/suite-honesty/vitest.config.ts');
  return execa(process.execPath, [path.join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', '--config', config], { cwd: repoRoot, reject: false, env: { ...env, CI: '1' }, timeout: 120_000 });
}

test('a suite that leaves a program running fails, and says what it left; a clean one passes', { timeout: 240_000 }, async () => {
  const clean = await childSuite({});
  expect(clean.exitCode, String(clean.stderr)).toBe(0);

  const pidFile = path.join(scratch, 'left.pid');
  const leaky = await childSuite({ LEAVE_A_PROGRAM: pidFile });
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : undefined;
  try {
    expect(pid).toBeGreaterThan(0);
    expect(leaky.exitCode).toBe(1);
    expect(`${leaky.stdout}${leaky.stderr}`).toContain('the test suite left things behind');
    expect(`${leaky.stdout}${leaky.stderr}`).toContain(`"pid":${pid}`);
  } finally {
    if (pid) process.kill(pid, 'SIGKILL');
  }
});
