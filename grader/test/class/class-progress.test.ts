import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { scratchOutsideKit } from '../helpers/outside-kit.ts';
import { repoRoot } from '../helpers/processes.ts';

// On a terminal a class grade keeps one status line under the students done so far (a bar,
// done / total, passed / not passed, the time left); elsewhere (a log, a pipe) plain lines only.
// The terminal is a real one: util-linux's `script` runs the command on a pseudo-terminal.

const scratch = scratchOutsideKit('lab-test-class-progress-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function smallClass(): string {
  const folder = path.join(scratch, 'kelas');
  mkdirSync(folder);
  cpSync(path.join(repoRoot, 'solutions/python'), path.join(folder, 'budi'), { recursive: true });
  mkdirSync(path.join(folder, 'kosong'));
  return folder;
}

test('a class grade shows a live status line on a terminal, and plain lines elsewhere', { timeout: 120_000 }, async () => {
  const folder = smallClass();
  const command = `node --import tsx grader/cli.ts --class '${folder}' --out '${path.join(scratch, 'tty')}' --quick --no-sandbox --lang en`;
  const tty = await execa('script', ['-qfec', command, '/dev/null'], { cwd: repoRoot, env: { NO_COLOR: '1' }, timeout: 100_000, reject: false });
  const shown = String(tty.stdout);
  expect(tty.exitCode, shown).toBe(0);
  expect(shown).toContain('[....................] 0/2 · passed 0 · not passed 0');
  expect(shown).toMatch(/\[##########\.{10}\] 1\/2 · .* left\r\x1b\[2K\[2\/2\]/);
  expect(shown).toContain('[####################] 2/2 · passed 1 · not passed 0 · not graded 1');
  expect(shown).toContain('[2/2] budi: 75/75 PASSED');

  const plain = await runCli(['--class', folder, '--out', path.join(scratch, 'plain'), '--quick', '--no-sandbox', '--lang', 'en']);
  expect(plain.exitCode).toBe(0);
  expect(String(plain.stdout)).not.toContain('\x1b');
  expect(String(plain.stdout)).not.toContain('\r');
  expect(String(plain.stdout).split('\n').filter((line) => /^\[\d\/2\] /.test(line))).toHaveLength(2);
});
