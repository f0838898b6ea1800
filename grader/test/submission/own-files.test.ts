import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { gradeThroughCli } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// What is graded is the submission's own program: a regular file inside its folder, every link
// on the way resolved. Each folder here would otherwise be graded as the kit's own solution.

const solution = path.join(repoRoot, 'solutions/python');
const scratch = mkdtempSync(path.join(tmpdir(), 'lab-own-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function submission(name: string, make: (folder: string) => void): string {
  const folder = path.join(scratch, name);
  mkdirSync(folder);
  make(folder);
  return folder;
}

describe('a program that is not a file of the submission\'s own', () => {
  test('a folder server.py whose __main__.py links to the kit\'s solution is refused: one line, exit status 2', async () => {
    const folder = submission('folder-named-server', (folder) => {
      mkdirSync(path.join(folder, 'server.py'));
      symlinkSync(path.join(solution, 'server.py'), path.join(folder, 'server.py/__main__.py'));
    });
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual(['server.py is not a program file but a folder (or something else): the grader runs only a file of the submission\'s own. Rename it, or name the program with --server FILE or --client FILE.']);
    expect(run.results).toMatchObject({ status: 'error', error: { kind: 'not-a-file', file: 'server.py' } });
  });

  test('a server.py that links to a folder of the submission is refused too', async () => {
    const folder = submission('link-to-folder', (folder) => {
      mkdirSync(path.join(folder, 'package'));
      writeFileSync(path.join(folder, 'package/__main__.py'), 'print("hello")\n');
      symlinkSync('package', path.join(folder, 'server.py'));
    });
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode).toBe(2);
    expect(run.results).toMatchObject({ status: 'error', error: { kind: 'not-a-file', file: 'server.py' } });
  });

  test('--server through a linked folder that leads out of the submission is refused, naming where it leads', async () => {
    const folder = submission('linked-folder', (folder) => symlinkSync(solution, path.join(folder, 'sub')));
    const run = await gradeThroughCli(folder, ['--quick', '--server', path.join(folder, 'sub/server.py')]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `server.py is a link to ${path.join(solution, 'server.py')}, outside the submission's folder: the grader grades only the submission's own files.`,
    ]);
    expect(run.results).toMatchObject({ status: 'error', error: { kind: 'link-outside', file: 'server.py' } });
  });

  test('a link inside the submission to a file of its own is graded as before', async () => {
    const folder = submission('link-inside', (folder) => {
      mkdirSync(path.join(folder, 'Tugas'));
      writeFileSync(path.join(folder, 'Tugas/main.py'), 'print("server.py: not implemented yet")\n');
      symlinkSync('Tugas/main.py', path.join(folder, 'server.py'));
    });
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.results?.checks.find((check) => check.id === 'starts-listening')?.status).toBe('fail');
  });
});
