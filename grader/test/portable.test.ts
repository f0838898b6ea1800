import { describe, expect, test } from 'vitest';
import { clientFixture, gradeThroughCli, labReportFixture, runCli, serverFixture } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';
import { labReportCodes } from './helpers/lab-report-codes.ts';
import path from 'node:path';

// LAB_GRADER_PORTABLE=1 makes the grader take here the ways it takes on Windows and macOS, where
// most students grade: no /proc (a listener is found by connecting to it), no namespaces (every
// program in the machine's network, ended with its process group). The verdicts and codes must
// be those the Linux ways give (grader/test/server and client fixtures). The lab report's server
// hard-codes 12345 in the machine's network: this file runs with the hostile files, one at a time.
const portable = { LAB_GRADER_PORTABLE: '1' };

interface Case {
  readonly folder: string;
  readonly codes: readonly string[];
  readonly passed: boolean;
}

const cases: Case[] = [
  { folder: path.join(repoRoot, 'solutions'), codes: [], passed: true },
  { folder: path.join(repoRoot, 'solutions/javascript'), codes: [], passed: true },
  { folder: path.join(repoRoot, 'solutions/python'), codes: [], passed: true },
  { folder: serverFixture('counts-bytes'), codes: ['counts-bytes'], passed: false },
  { folder: serverFixture('reads-once'), codes: ['reads-once', 'truncates-large'], passed: false },
  { folder: serverFixture('crash-on-empty'), codes: ['crash-on-empty'], passed: false },
  // A connection that says nothing must not use it up: a client is what the probe looks like to it.
  { folder: serverFixture('exits-after-first-client'), codes: ['exits-after-first-client'], passed: false },
  { folder: serverFixture('no-idle-timeout'), codes: ['no-idle-timeout'], passed: false },
  { folder: serverFixture('not-listening'), codes: ['not-listening'], passed: false },
  { folder: serverFixture('verbose-reply'), codes: ['verbose-reply'], passed: true },
  { folder: clientFixture('client-reads-once'), codes: ['client-reads-once'], passed: false },
  { folder: clientFixture('client-no-terminator'), codes: ['client-no-terminator'], passed: false },
  { folder: clientFixture('client-hangs-on-silent-server'), codes: ['client-hangs-on-silent-server'], passed: false },
  { folder: clientFixture('correct-python'), codes: [], passed: true },
];

// Each on a port of its own (PORT): side by side.
describe.concurrent('the portable ways (Windows and macOS), forced on Linux', () => {
  test.each(cases.map((c) => ({ ...c, name: path.relative(repoRoot, c.folder) })))('$name gets $codes', async ({ folder, codes, passed }) => {
    const grade = await gradeThroughCli(folder, ['--quick'], portable);
    expect(grade.exitCode, grade.stderr).toBe(passed ? 0 : 1);
    expect(grade.codes).toEqual([...codes].sort());
    expect(grade.results?.network).toMatchObject({ copiesOnFixedPort: 'machine' });
    expect((grade.results as { isolation?: { kind: string } }).isolation?.kind).toBe('process-group');
  });
});

// On the machine's port 12345: one at a time, after the others.
describe('the portable ways on the lab\'s own port', () => {
  // The code students hand in most: Python on its hard-coded 12345 with 'localhost', one recv(1024).
  test("the lab report's server, on its hard-coded port, gets the codes it gets in networks of its own", { timeout: 200_000 }, async () => {
    const grade = await gradeThroughCli(labReportFixture('server'), ['--quick'], portable, 180_000);
    expect(grade.exitCode, grade.stderr).toBe(1);
    expect(grade.codes).toEqual(labReportCodes.server);
  });

  test('--sandbox, which needs Linux namespaces, is one line and exit status 2', async () => {
    const run = await runCli(['solutions', '--sandbox', '--quick', '--lang', 'en'], portable);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split('\n')).toHaveLength(1);
    // Here the portable ways are forced; on macOS and Windows (the kit's CI) it is not Linux.
    expect(String(run.stderr)).toMatch(/LAB_GRADER_PORTABLE=1|works only on Linux/);
  });
});
