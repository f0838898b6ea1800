import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { linkedKitCopy } from './helpers/kit-copy.ts';

// Which interpreter `python3` is, is asked once and kept in the kit's cache (a pyenv shim takes
// ~0.4 s to answer, before every grade's first start); asked again when what decides it changes.
// Here `python3` is a script that notes every call and hands over to the real interpreter:
// programs run with the real one directly, so the notes count the grader's questions.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-python-runtime-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const realPython = (await execa('python3', ['-c', 'import sys; print(sys.executable)'])).stdout.trim();

test.runIf(process.platform !== 'win32')('the interpreter behind python3 is asked once, and again when a version file or PATH changes', { timeout: 120_000 }, async () => {
  const kit = linkedKitCopy(path.join(scratch, 'kit'), ['package.json', 'grader', 'solutions', 'node_modules']);
  rmSync(path.join(kit, 'node_modules', '.cache', 'lab-grader'), { recursive: true, force: true });
  const bin = path.join(scratch, 'bin');
  const calls = path.join(scratch, 'calls.log');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'python3'), `#!/bin/sh\necho called >> '${calls}'\nexec '${realPython}' "$@"\n`);
  chmodSync(path.join(bin, 'python3'), 0o755);
  const asked = () => (existsSync(calls) ? readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0);
  const grade = async (pathValue: string) => {
    const run = await execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', 'solutions/python', '--quick', '--lang', 'en', '--check', 'counts-ascii'], {
      cwd: kit,
      reject: false,
      env: { NO_COLOR: '1', PATH: pathValue },
      extendEnv: false,
      timeout: 60_000,
    });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(run.stdout).toMatch(/PASS.*counts-ascii/);
    return run;
  };
  const withShim = `${bin}${path.delimiter}${process.env.PATH ?? ''}`;

  const first = await grade(withShim);
  expect(asked()).toBe(1);
  expect(first.stdout).toContain(`server.py (Python ${(await execa(realPython, ['-c', 'import platform; print(platform.python_version())'])).stdout.trim()})`);
  await grade(withShim);
  expect(asked()).toBe(1);

  // pyenv's choice for this folder.
  writeFileSync(path.join(kit, '.python-version'), 'system\n');
  await grade(withShim);
  expect(asked()).toBe(2);
  await grade(withShim);
  expect(asked()).toBe(2);

  await grade(`${withShim}${path.delimiter}${path.join(scratch, 'elsewhere')}`);
  expect(asked()).toBe(3);
});
