import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { linkedKitCopy } from './helpers/kit-copy.ts';
import { repoRoot } from './helpers/processes.ts';

// `npm run grade` runs grader/launch.mjs: the grader bundled into one file, built on first use
// and whenever a source has changed, or its sources through tsx where no bundle can be written.
// Run here from copies of the kit (linked file by file, the bundle's cache left out), so that
// the kit's own cache is never touched and each case starts with none.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-launch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kitCopy(name: string): string {
  const kit = linkedKitCopy(path.join(scratch, name), ['package.json', 'grader', 'exercises', 'solutions', 'node_modules']);
  rmSync(path.join(kit, 'node_modules', '.cache', 'lab-grader'), { recursive: true, force: true });
  return kit;
}

const launch = (kit: string, args: readonly string[]) =>
  execa(process.execPath, [path.join(kit, 'grader', 'launch.mjs'), ...args], { cwd: kit, reject: false, env: { NO_COLOR: '1' }, timeout: 120_000 });

const bundleIn = (kit: string) => path.join(kit, 'node_modules', '.cache', 'lab-grader', 'cli.mjs');

/** A source replaced by a new file (never written through: the copy's files are links to the kit's). */
function replaceSource(kit: string, file: string, change: (text: string) => string): void {
  const at = path.join(kit, file);
  const text = change(readFileSync(at, 'utf8'));
  unlinkSync(at);
  writeFileSync(at, text);
}

test('the grader runs bundled, built on first use, and grades as from its sources; a changed source is in the next run', { timeout: 180_000 }, async () => {
  const kit = kitCopy('kit');
  const json = path.join(scratch, 'python.json');
  const graded = await launch(kit, ['solutions/python', '--quick', '--lang', 'en', '--json', json]);
  expect(graded.exitCode, String(graded.stderr)).toBe(0);
  expect(graded.stdout).toMatch(/^Score 75\/75 · PASSED/m);
  expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ passed: true, submission: { server: expect.stringContaining('server.py') } });
  expect(existsSync(bundleIn(kit))).toBe(true);

  // TypeScript programs (the kit's own build of them) and a class with its look-alike report.
  const typescript = await launch(kit, ['solutions', '--quick', '--lang', 'en', '--only', 'server']);
  expect(typescript.exitCode, String(typescript.stderr)).toBe(0);
  const students = path.join(scratch, 'class');
  cpSync(path.join(repoRoot, 'solutions/python'), path.join(students, 'budi'), { recursive: true });
  const classGrade = await launch(kit, ['--class', students, '--out', path.join(scratch, 'class-out'), '--quick', '--lang', 'en']);
  expect(classGrade.exitCode, String(classGrade.stderr)).toBe(0);
  expect(classGrade.stdout).toContain("1 alike the kit's solutions");

  replaceSource(kit, 'grader/i18n/en.ts', (text) => text.replace('Usage: npm run grade --', 'Usage (changed): npm run grade --'));
  const help = await launch(kit, ['--help', '--lang', 'en']);
  expect(help.exitCode).toBe(0);
  expect(help.stdout).toMatch(/^Usage \(changed\): npm run grade --/);
});

test('where no bundle can be written, the grader runs from its sources', { timeout: 60_000 }, async () => {
  const kit = kitCopy('read-only-cache');
  // A file where the cache's folder would be: the bundle cannot be made.
  rmSync(path.join(kit, 'node_modules', '.cache'), { recursive: true, force: true });
  writeFileSync(path.join(kit, 'node_modules', '.cache'), 'not a folder');
  const help = await launch(kit, ['--help', '--lang', 'en']);
  expect(help.exitCode, String(help.stderr)).toBe(0);
  expect(help.stdout).toMatch(/^Usage: npm run grade --/);
  expect(help.stderr).toBe('');
  expect(existsSync(bundleIn(kit))).toBe(false);
});
