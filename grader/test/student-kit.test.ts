import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/processes.ts';

// npm run kit:student writes what students get; here it is written for the Python track with a
// course rubric in English, checked for what it must and must not hold, installed from scratch
// with npm ci (from npm's cache where it can), and its stubs graded with the README's command.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-student-kit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('the student kit holds the stubs and the grader, not the solutions, and grades its stubs after a fresh install', { timeout: 240_000 }, async () => {
  const rubric = path.join(scratch, 'pemjar.json');
  writeFileSync(rubric, JSON.stringify({ name: 'pemjar', base: 'classic' }));
  const kit = path.join(scratch, 'kit');
  const written = await execa(process.execPath, ['--import', 'tsx', 'scripts/kit-student.ts', kit, '--track', 'python', '--lang', 'en', '--rubric', rubric], { cwd: repoRoot, reject: false });
  expect(written.exitCode, String(written.stderr)).toBe(0);

  for (const file of ['exercises/python/server.py', 'exercises/server.ts', 'grader/cli.ts', 'docs/handout.id.md', 'docs/checks.md', 'rubric.json', 'package-lock.json', '.github/workflows/classroom.yml']) {
    expect(existsSync(path.join(kit, file)), file).toBe(true);
  }
  for (const file of ['solutions', 'grader/test', 'docs/instructor-guide.md', 'scripts']) expect(existsSync(path.join(kit, file)), file).toBe(false);
  expect(Object.keys(JSON.parse(readFileSync(path.join(kit, 'package.json'), 'utf8')).scripts).sort()).toEqual(['client', 'grade', 'server', 'typecheck']);
  const workflow = parse(readFileSync(path.join(kit, '.github/workflows/classroom.yml'), 'utf8'));
  const job = Object.values(workflow.jobs as Record<string, { env: Record<string, string>; steps: { run?: string }[] }>)[0];
  expect(job?.env.LAB_FOLDER).toBe('exercises/python');
  expect(job?.steps.some((step) => step.run?.includes('--rubric rubric.json --lang en'))).toBe(true);
  // The course's settings: students type no folder, rubric or language.
  expect(JSON.parse(readFileSync(path.join(kit, 'lab-settings.json'), 'utf8'))).toEqual({ lang: 'en', rubric: 'rubric.json', folder: 'exercises/python' });
  const readme = readFileSync(path.join(kit, 'README.md'), 'utf8');
  expect(readme).toContain('npm run grade -- --quick ');

  const install = await execa('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: kit, reject: false });
  expect(install.exitCode, String(install.stderr)).toBe(0);
  const graded = await execa('npm', ['run', '--silent', 'grade', '--', '--quick'], { cwd: kit, reject: false, env: { NO_COLOR: '1', LAB_LANG: '', LANG: 'id_ID.UTF-8', LC_ALL: '' } });
  expect(graded.exitCode, String(graded.stderr)).toBe(1);
  expect(String(graded.stdout)).toContain('not-implemented');
  expect(String(graded.stdout)).toContain('rubric pemjar');
  expect(String(graded.stdout)).toContain('Grading exercises/python · server.py');
});
