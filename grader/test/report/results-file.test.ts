import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// The results file (--json) is written through a finished file renamed into place. A program
// that puts something at the name the grader once used for that file (".results.json.<the
// grader's pid>.partial", which it can work out) must not keep the results from being written.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-results-file-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the results file', () => {
  test.each(['file', 'folder'] as const)('is written although a %s waits at the name the grader used to write it under', async (planted) => {
    const folder = mkdtempSync(path.join(scratch, `${planted}-`));
    const json = path.join(folder, 'results.json');
    // The stub fails at once: a grade of about a second.
    const grader = runCli([path.join(repoRoot, 'exercises/python'), '--quick', '--lang', 'en', '--json', json]);
    const predictable = path.join(folder, `.results.json.${grader.pid}.partial`);
    if (planted === 'file') writeFileSync(predictable, '{"status":"graded","passed":true,"score":48}\n');
    else mkdirSync(path.join(predictable, 'inside'), { recursive: true });

    const run = await grader;
    expect(run.exitCode, String(run.stderr)).toBe(1);
    expect(run.stdout).toContain(`Results written to ${json}`);
    const results = JSON.parse(readFileSync(json, 'utf8')) as { status: string; passed: boolean };
    expect(results).toMatchObject({ status: 'graded', passed: false });
    // Nothing of the grader's own is left beside it.
    expect(readdirSync(folder).sort()).toEqual([path.basename(predictable), 'results.json'].sort());
  });
});

// Renamed over, /dev/null would become a plain file for the whole machine (a grader run as
// root may). Tried in a /dev of its own (bubblewrap's), so that a failure harms nothing.
test.runIf(process.platform === 'linux' && existsSync('/usr/bin/bwrap'))('--json /dev/null writes into the device and leaves it a device', async () => {
  const grade = `${process.execPath} --import tsx grader/cli.ts exercises/python --quick --lang en --json /dev/null`;
  const run = await execa('bwrap', ['--bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--chdir', repoRoot, 'sh', '-c', `${grade}; echo "exit $?"; test -c /dev/null && echo "still a device"`], {
    reject: false,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  expect(String(run.stdout)).toContain('exit 1');
  expect(String(run.stdout)).toContain('still a device');
});
