import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { parseCliArgs } from '../cli/args.ts';
import { optionTable, usageText } from '../cli/option-table.ts';
import { repeatCommand } from '../cli/repeat-command.ts';
import { catalogues } from '../i18n/index.ts';
import { runCli } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';

describe('bad input', () => {
  test.each([
    [['--seed', 'abc'], '--seed needs a whole number'],
    [['--port', '70000'], '--port needs a whole number'],
    [['--lang', 'fr'], '--lang is id or en'],
    [['--frobnicate'], 'Unknown option --frobnicate (see npm run grade -- --help).'],
    [['--seed'], 'The option --seed needs a value'],
    [['no/such/folder'], 'No such folder: /'],
    [['docs'], 'Nothing to grade in /'],
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

describe('one table of options', () => {
  test.each(['en', 'id'] as const)('the usage in %s has every option of the table, each with what it does', (lang) => {
    const usage = usageText(catalogues[lang]);
    for (const spec of optionTable) {
      const line = usage.split('\n').find((text) => text.startsWith(`  --${spec.name}${spec.value === undefined ? '' : ` ${spec.value}`}`));
      expect(line, spec.name).toBeDefined();
    }
  });

  test('the repeat line has every option that decides how the run grades, as typed, and none that says where results go', () => {
    const typed = ['tugas 1', '--quick', '--rubric', 'classic', '--port', '23456', '--lang', 'id', '--json', 'out.json', '--report', 'junit=a.xml', '--server-cmd', 'python3 s.py', '--sandbox'];
    const options = parseCliArgs(typed, '/tmp');
    expect(repeatCommand(options, 7).command).toBe("npm run grade -- 'tugas 1' --seed 7 --quick --rubric classic --port 23456 --lang id --server-cmd 'python3 s.py' --sandbox");
  });
});

describe('--rubric', () => {
  const rubricFile = async (content: unknown) => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'rubric-')), 'course.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  test('a rubric file changes points and required-ness, and the JSON names it', async () => {
    const file = await rubricFile({ name: 'pemjar-2026', base: 'classic', checks: { 'starts-listening': { points: 10 } } });
    const json = path.join(path.dirname(file), 'results.json');
    const run = await runCli(['exercises', '--quick', '--rubric', file, '--json', json, '--lang', 'en']);
    expect(run.exitCode).toBe(1);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.rubric).toBe('pemjar-2026');
    expect(results.checks.find((check: { id: string }) => check.id === 'starts-listening').maxPoints).toBe(10);
    expect(results.checks.find((check: { id: string }) => check.id === 'segmented-message').required).toBe(false);
  });

  test.each([
    [{ checks: { 'no-such-check': { points: 1 } } }, '"checks" names "no-such-check", which does not exist'],
    [{ timeoutPolicy: 'sometimes' }, '"timeoutPolicy" is stop, announce, either'],
    [{ tiers: { core: { points: -1 } } }, '"tiers.core.points" must be'],
  ])('a rubric file with a mistake is one clear line and exit status 2: %j', async (content, message) => {
    const run = await runCli(['exercises', '--rubric', await rubricFile(content), '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the language of the report', () => {
  // This kit ships no lab-settings.json: the locale decides (lab contract §8). A course's
  // setting is tested in settings.test.ts and student-kit.test.ts.
  test('follows --lang, then LAB_LANG, then the locale (id* is Bahasa Indonesia)', async () => {
    const byFlag = await runCli(['exercises', '--lang', 'id'], { LAB_LANG: 'en' });
    expect(byFlag.stdout).toContain('BELUM LULUS');
    const byEnvironment = await runCli(['exercises'], { LAB_LANG: 'en', LANG: 'id_ID.UTF-8', LC_ALL: '' });
    expect(byEnvironment.stdout).toContain('The server is still the unfinished stub');
    const byLocale = await runCli(['exercises'], { LAB_LANG: '', LANG: 'id_ID.UTF-8', LC_ALL: '' });
    expect(byLocale.stdout).toContain('Server masih berupa kerangka');
    const english = await runCli(['exercises'], { LAB_LANG: '', LANG: 'en_US.UTF-8', LC_ALL: '' });
    expect(english.stdout).toContain('The server is still the unfinished stub');
    const wrong = await runCli(['exercises'], { LAB_LANG: 'fr', LANG: 'en_US.UTF-8', LC_ALL: '' });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr.trim()).toBe('LAB_LANG is id or en, not "fr".');
  });
});

describe('the folder graded when none is named', () => {
  // npm tells the grader where the command was typed (INIT_CWD), wherever it runs the script.
  test.each([
    ['npm run grade:py, in the kit', ['run', '--silent', 'grade:py', '--'], ''],
    ['npm run grade, typed inside exercises/python', ['run', '--silent', 'grade', '--'], 'exercises/python'],
  ])('%s grades exercises/python, and the repeat line, pasted there, grades it again', async (_, npm, typedIn) => {
    const run = await execa('npm', [...npm, '--quick', '--lang', 'en'], { cwd: path.join(repoRoot, typedIn), reject: false, env: { NO_COLOR: '1' } });
    expect(run.exitCode, String(run.stderr)).toBe(1);
    expect(String(run.stdout)).toContain('Grading exercises/python · server.py');
    expect(String(run.stdout)).toMatch(/Repeat this run with the same messages: npm run grade -- --seed \d+ --quick (--track python )?--lang en$/m);
  });
});
