import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { removeGroup } from '../../sandbox/cgroup-tree.ts';
import { cgroupV2Groups, cgroupV2Tree, ownCgroupPath } from '../../sandbox/cgroup-v2.ts';
import { waitUntil } from '../helpers/processes.ts';

// cgroup v2, where most instructors grade (Ubuntu 22.04+, Debian 12, Fedora). This machine has
// cgroup v1, so the sandbox's file operations are tested on a fake cgroupfs laid out as systemd
// lays it out (a user's delegated scope; the root cgroup for root), and what only a kernel can
// show (cgroup.kill ends a group's processes, an emptied group can be removed) on a real cgroup2
// mount made for the test. Untested here: memory.max and pids.max enforced by a kernel (this
// machine's memory and pids controllers are bound to v1), and delegation by a real systemd.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-cgroup-v2-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const scope = '/user.slice/user-1000.slice/user@1000.service/app.slice/run-lab.scope';

/** A cgroup2 tree as the kernel shows one: every group has its interface files. */
function fakeTree(name: string, scopeControllers: string, scopeProcs = '4242\n4243\n'): string {
  const root = path.join(scratch, name);
  const group = (relative: string, controllers: string, procs = '') => {
    const directory = path.join(root, relative);
    mkdirSync(directory, { recursive: true });
    writeFileSync(path.join(directory, 'cgroup.controllers'), `${controllers}\n`);
    writeFileSync(path.join(directory, 'cgroup.subtree_control'), '');
    writeFileSync(path.join(directory, 'cgroup.procs'), procs);
  };
  group('', 'cpuset cpu io memory hugetlb pids rdma misc');
  group(scope, scopeControllers, scopeProcs);
  return root;
}

const read = (file: string) => readFileSync(file, 'utf8');

describe('the sandbox on cgroup v2, on a fake cgroupfs', () => {
  test("not root: in the user's delegated scope, its processes moved to a leaf, memory and pids handed down", () => {
    const root = fakeTree('user', 'memory pids');
    const tree = cgroupV2Tree(root, scope, false);
    const own = path.join(root, scope);
    expect(tree?.version).toBe(2);
    expect(tree?.kinds).toEqual(['memory', 'processes']);
    expect(tree?.parents).toEqual([path.join(own, 'lab-grader')]);
    // A group that hands controllers on may hold no process: the scope's went to a leaf.
    expect(read(path.join(own, 'lab-grader-leaf', 'cgroup.procs'))).toMatch(/^424[23]$/);
    expect(read(path.join(own, 'cgroup.subtree_control'))).toBe('+memory +pids');
    expect(read(path.join(own, 'lab-grader', 'cgroup.subtree_control'))).toBe('+memory +pids');
    // Nothing written above the scope: it is not ours.
    expect(read(path.join(root, 'cgroup.subtree_control'))).toBe('');

    const [group] = tree?.make('77-0', ['memory', 'processes']) ?? [];
    expect(group).toBe(path.join(own, 'lab-grader', '77-0'));
    expect(read(path.join(group as string, 'memory.max'))).toBe(String(256 * 1024 * 1024));
    expect(read(path.join(group as string, 'pids.max'))).toBe('64');
    // What the program ran into, as the kernel counts it.
    expect(tree?.limitsHit(group as string)).toEqual([]);
    writeFileSync(path.join(group as string, 'memory.events'), 'low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\n');
    writeFileSync(path.join(group as string, 'pids.events'), 'max 3\n');
    expect(tree?.limitsHit(group as string)).toEqual(['memory', 'processes']);
    // Ended at once through cgroup.kill.
    writeFileSync(path.join(group as string, 'cgroup.kill'), '');
    tree?.kill(group as string);
    expect(read(path.join(group as string, 'cgroup.kill'))).toBe('1');
  });

  test('root: under the root cgroup, which may hold processes and hand controllers on', () => {
    const root = fakeTree('root', 'memory pids');
    const tree = cgroupV2Tree(root, scope, true);
    expect(tree?.parents).toEqual([path.join(root, 'lab-grader')]);
    expect(read(path.join(root, 'cgroup.subtree_control'))).toBe('+memory +pids');
    expect(existsSync(path.join(root, 'lab-grader-leaf'))).toBe(false);
  });

  test('only the controllers handed to the scope are used; none, or no cgroup2 at all: no tree', () => {
    expect(cgroupV2Tree(fakeTree('pids-only', 'cpu pids'), scope, false)?.kinds).toEqual(['processes']);
    expect(cgroupV2Tree(fakeTree('none', 'cpu io'), scope, false)).toBeUndefined();
    expect(cgroupV2Tree(path.join(scratch, 'not-a-cgroupfs'), scope, false)).toBeUndefined();
  });

  test("the grader's own cgroup is read from /proc/self/cgroup's v2 line", () => {
    expect(ownCgroupPath(`12:pids:/user.slice\n0::${scope}\n`)).toBe(scope);
    expect(ownCgroupPath('4:memory:/\n')).toBeUndefined();
  });
});

// Root on Linux can mount the cgroup2 hierarchy anywhere: the kernel's own cgroup.kill and rmdir.
const canMount = process.platform === 'linux' && process.getuid?.() === 0;

test.runIf(canMount)('on a real cgroup2 mount: cgroup.kill ends every process of a group, and the emptied group is removed', async () => {
  const mount = mkdtempSync(path.join(tmpdir(), 'lab-cgroup2-mount-'));
  const mounted = await execa('mount', ['-t', 'cgroup2', 'none', mount], { reject: false });
  if (mounted.exitCode !== 0) return void console.warn(`cgroup2 could not be mounted here: ${String(mounted.stderr).trim()}`);
  const base = path.join(mount, `lab-test-${process.pid}`);
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  try {
    mkdirSync(base);
    const groups = cgroupV2Groups(base, []);
    const [group] = groups.make('program', []);
    writeFileSync(path.join(group as string, 'cgroup.procs'), String(sleeper.pid));
    expect(read(path.join(group as string, 'cgroup.procs')).trim()).toBe(String(sleeper.pid));
    const ended = new Promise((resolve) => sleeper.once('exit', (_, signal) => resolve(signal)));
    groups.kill(group as string);
    expect(await ended).toBe('SIGKILL');
    expect(await waitUntil(() => removeGroup(group as string), 5_000)).toBe(true);
  } finally {
    sleeper.kill('SIGKILL');
    rmSync(path.join(base, 'program'), { force: true, recursive: false });
    if (existsSync(base)) rmdirSync(base);
    await execa('umount', [mount], { reject: false });
    rmdirSync(mount);
  }
});
