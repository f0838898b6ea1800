import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { runCli, serverFixture } from './helpers/grade-fixture.ts';
import { processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';

describe('bad input', () => {
  test.each([
    [['--seed', 'abc'], '--seed needs a whole number'],
    [['--port', '70000'], '--port needs a whole number'],
    [['--lang', 'fr'], '--lang is id or en'],
    [['--frobnicate'], 'Unknown option --frobnicate (see npm run grade -- --help).'],
    [['--seed'], 'The option --seed needs a value'],
    [['no/such/folder'], 'No such folder: /'],
    [['grader/test/fixtures'], 'Nothing to grade in /'],
    [['a', 'b'], 'Grade one folder at a time'],
  ])('%j is one clear line on stderr and exit status 2', async (args, message) => {
    const run = await runCli(args, { LANG: 'en_US.UTF-8' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help', '--lang', 'id']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Cara pakai: npm run grade');
  });
});

describe('the language of the report', () => {
  test('follows --lang, and without it the locale (id* is Bahasa Indonesia)', async () => {
    const byFlag = await runCli(['exercises', '--lang', 'id']);
    expect(byFlag.stdout).toContain('BELUM LULUS');
    const byLocale = await runCli(['exercises'], { LANG: 'id_ID.UTF-8', LC_ALL: '' });
    expect(byLocale.stdout).toContain('Server masih berupa kerangka');
    const english = await runCli(['exercises'], { LANG: 'en_US.UTF-8', LC_ALL: '' });
    expect(english.stdout).toContain('The server is still the unfinished stub');
  });
});

describe('an interrupted grade', () => {
  test('Ctrl-C (SIGINT) ends every program the grader started', async () => {
    const fixture = serverFixture('no-idle-timeout');
    const grader = execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', fixture, '--quick'], { cwd: repoRoot, reject: false });
    const servers = () => processesMentioning([`${fixture}/server.js`]);
    expect(await waitUntil(() => servers().length >= 2, 20_000)).toBe(true);
    grader.kill('SIGINT');
    const result = await grader;
    expect(result.exitCode).toBe(130);
    expect(await waitUntil(() => servers().length === 0, 1_000)).toBe(true);
  });
});
