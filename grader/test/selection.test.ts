import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { gradeThroughCli, runCli, serverFixture } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';

// A student fixing one thing reruns one part (--only) or one check (--check): only that runs,
// with the first check of its part (which starts the program), and the report says the score
// is not the grade.

const idsOf = (grade: Awaited<ReturnType<typeof gradeThroughCli>>) => grade.results?.checks.map((check) => check.id);

describe.concurrent('less than a whole grade', () => {
  test('--check reruns the checks named, after the one that starts the server, and says it is not the grade', async () => {
    const grade = await gradeThroughCli(serverFixture('counts-bytes'), ['--quick', '--check', 'counts-emoji,abrupt-disconnect']);
    expect(grade.exitCode, grade.stderr).toBe(1);
    expect(idsOf(grade)).toEqual(['starts-listening', 'counts-emoji', 'abrupt-disconnect']);
    expect(grade.codes).toEqual(['counts-bytes']);
    expect(grade.stdout).toContain('Only what you asked for was run (--check counts-emoji,abrupt-disconnect): the score is not your grade.');
    expect(grade.stdout).toContain("--check 'counts-emoji,abrupt-disconnect'");
    expect((grade.results as { selection?: unknown }).selection).toEqual({ checks: ['counts-emoji', 'abrupt-disconnect'] });
  });

  test('--only client grades the client, and pairs it with the server for end-to-end', async () => {
    const grade = await gradeThroughCli(path.join(repoRoot, 'solutions/python'), ['--quick', '--only', 'client']);
    expect(grade.exitCode, grade.stderr).toBe(0);
    expect(new Set(grade.results?.checks.map((check) => check.part))).toEqual(new Set(['client']));
    expect(grade.results?.checks.find((check) => check.id === 'end-to-end')?.status).toBe('pass');
  });

  test('--only server leaves the client out', async () => {
    const grade = await gradeThroughCli(path.join(repoRoot, 'solutions/python'), ['--quick', '--only', 'server']);
    expect(grade.exitCode, grade.stderr).toBe(0);
    expect(new Set(grade.results?.checks.map((check) => check.part))).toEqual(new Set(['server']));
    expect(grade.stdout).not.toContain('client.py');
  });

  test.each([
    [['--only', 'both'], '--only is server or client, not "both".'],
    [['--check', 'counts-emji'], '--check counts-emji: no such check (did you mean counts-emoji? every check is in docs/checks.md).'],
    [['--check', 'nope'], '--check nope: no such check (every check is in docs/checks.md).'],
    [['--only', 'server', '--check', 'end-to-end'], '--only server --check end-to-end: no check of that part was asked for, so nothing would run.'],
    [['--class', 'grader/test/fixtures/fakes', '--check', 'counts-emoji'], '--only and --check are for one submission: a class is graded whole.'],
  ])('%j is one line and exit status 2', async (args, line) => {
    const run = await runCli([...(args.includes('--class') ? [] : ['solutions']), ...args, '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe(line);
  });
});
