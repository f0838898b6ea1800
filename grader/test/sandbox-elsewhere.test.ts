import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { sandboxSupport } from '../sandbox/support.ts';
import { stderrBesidesProgress } from './helpers/progress-lines.ts';
import { connectionsToOtherStudent } from './helpers/other-student.ts';
import { linkedKitCopy } from './helpers/kit-copy.ts';
import { repoRoot } from './helpers/processes.ts';

// --sandbox where instructors run it, which is seldom as root on a bare machine.
// - As an ordinary user (nobody, dropped to with setpriv: no capability, no group): bubblewrap
//   makes its namespaces as that user (unprivileged user namespaces), and no program can be
//   dropped to another user. Graded: the Python solutions, and two hostile servers only the
//   sandbox holds: one that signals every process it can see, one that reaches for another
//   student's port.
// - In a container: root whose user namespace maps no nobody (Docker with remapped users), and
//   an ordinary user whose container refuses new namespaces (Docker's default seccomp profile),
//   both made here with bubblewrap's own --unshare-user and --disable-userns.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-unprivileged-'));
chmodSync(scratch, 0o777);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The kit as an ordinary user can read it. This one may lie in a folder only root may enter (a
 * CI's or newcomer-check's clone in a mktemp folder): nobody grades from a copy in the scratch
 * folder instead, linked file by file where the file system allows it.
 */
function readableKit(): string {
  return linkedKitCopy(path.join(scratch, 'kit'), ['package.json', 'grader', 'solutions', 'node_modules']);
}

const asRoot = process.platform === 'linux' && process.getuid?.() === 0 && sandboxSupport().available;

interface Json {
  passed: boolean;
  isolation: { kind: string; runAsNobody?: boolean };
  checks: { id: string; status: string }[];
}

/** The grader, with --sandbox, started through `wrapper` (which makes it another user, or puts it in a "container"). */
async function gradeThrough(wrapper: readonly string[], folder: string, kitRoot = repoRoot) {
  const json = path.join(scratch, `${path.basename(folder)}-${Date.now()}.json`);
  const [command = '', ...args] = [...wrapper, process.execPath, '--import', 'tsx', 'grader/cli.ts', folder, '--sandbox', '--quick', '--lang', 'en', '--json', json];
  const run = await execa(command, args, { cwd: kitRoot, reject: false, env: { ...process.env, HOME: scratch, NO_COLOR: '1' }, timeout: 120_000 });
  return { run, result: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Json) : undefined };
}

const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];
let kit: string | undefined;
// From the readable copy of the kit: the grader, its packages and the submission alike.
const gradeAsNobody = (folder: string) => {
  kit ??= readableKit();
  return gradeThrough(asNobody, path.join(kit, path.relative(repoRoot, folder)), kit);
};
const hostile = (name: string) => path.join(repoRoot, 'grader/test/fixtures/hostile', name);
// A user namespace of its own with nothing but root in it, and no new namespace allowed inside: as in a container.
const inContainer = (uid: number) => ['bwrap', '--dev-bind', '/', '/', '--unshare-user', '--uid', String(uid), '--gid', String(uid), '--disable-userns', '--'];

test.runIf(asRoot)('as an ordinary user, --sandbox grades the solutions and holds two hostile servers', { timeout: 300_000 }, async () => {
  const solutions = await gradeAsNobody(path.join(repoRoot, 'solutions/python'));
  expect(solutions.run.exitCode, String(solutions.run.stderr)).toBe(0);
  // Already unprivileged: the sandbox has no one lower to drop the programs to.
  expect(solutions.result?.isolation).toMatchObject({ kind: 'sandbox', runAsNobody: false });
  expect(solutions.result?.passed).toBe(true);

  const signaller = await gradeAsNobody(hostile('kills-its-parent'));
  expect(signaller.run.exitCode, String(signaller.run.stdout)).toBe(0);

  const attempts = await connectionsToOtherStudent(async () => {
    const reacher = await gradeAsNobody(hostile('reaches-other-ports'));
    expect(reacher.run.exitCode, String(reacher.run.stdout)).toBe(0);
  });
  expect(attempts).toEqual([]);
});

test.runIf(asRoot)('root in a container whose users are remapped (no nobody to drop to): the programs run as that root, sandboxed', { timeout: 120_000 }, async () => {
  const { run, result } = await gradeThrough(inContainer(0), path.join(repoRoot, 'solutions/python'));
  expect(run.exitCode, String(run.stdout) + String(run.stderr)).toBe(0);
  expect(result?.isolation).toMatchObject({ kind: 'sandbox', runAsNobody: false });
});

test.runIf(asRoot)('an ordinary user in a container that refuses namespaces: one line saying what to switch on, exit status 2, nothing run', { timeout: 120_000 }, async () => {
  const { run, result } = await gradeThrough(inContainer(1000), path.join(repoRoot, 'solutions/python'));
  expect(run.exitCode).toBe(2);
  const lines = stderrBesidesProgress(String(run.stderr)).trim().split('\n');
  expect(lines).toEqual([expect.stringContaining('--sandbox: bubblewrap cannot create namespaces on this machine')]);
  expect(lines[0]).toContain('nothing was run');
  // This machine is a Docker container: the line says how to start one that allows them.
  if (existsSync('/.dockerenv')) expect(lines[0]).toContain('--security-opt seccomp=unconfined');
  expect(result?.checks ?? []).toEqual([]);
});
