import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventCount, killListedMembers, readOr, type CgroupTree, type LimitKind } from './cgroup-tree.ts';
import { sandboxLimits } from './limits.ts';

// cgroup v2, the one unified hierarchy of systemd machines (Ubuntu 22.04+, Debian 12, Fedora).
// The groups go where this process may make them: as root, under the root cgroup; otherwise in
// the cgroup systemd delegated to it (a scope started with Delegate=yes: the instructor's guide
// says how), as the kernel's rules for a delegated subtree want it:
//
//   <own cgroup>/                 subtree_control: +memory +pids (a group that hands controllers
//     lab-grader-leaf/            to its children may hold no process: ours move to this leaf)
//     lab-grader/                 subtree_control: +memory +pids
//       <pid>-<n>/                one program: memory.max, memory.swap.max, pids.max, cgroup.kill

const controllerOf: Record<LimitKind, string> = { memory: 'memory', processes: 'pids' };

function writable(directory: string): boolean {
  try {
    for (const file of ['', 'cgroup.procs', 'cgroup.subtree_control']) accessSync(path.join(directory, file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** This process's cgroup, from /proc/self/cgroup's "0::/path" line. */
export function ownCgroupPath(procSelfCgroup = readOr('/proc/self/cgroup')): string | undefined {
  return /^0::(\/.*)$/m.exec(procSelfCgroup)?.[1];
}

/** Hands the kinds' controllers to a group's children. */
function enable(directory: string, kinds: readonly LimitKind[]): void {
  const enabled = readOr(path.join(directory, 'cgroup.subtree_control')).split(/\s+/);
  const missing = kinds.map((kind) => controllerOf[kind]).filter((controller) => !enabled.includes(controller));
  if (missing.length > 0) writeFileSync(path.join(directory, 'cgroup.subtree_control'), missing.map((controller) => `+${controller}`).join(' '));
}

/**
 * The tree under `root` (a cgroup2 mount), or undefined where no group of ours can limit
 * anything: no cgroup2 there, or no memory or pids controller handed to where we may write.
 */
export function cgroupV2Tree(root = '/sys/fs/cgroup', own = ownCgroupPath(), isRoot = process.getuid?.() === 0): CgroupTree | undefined {
  if (!existsSync(path.join(root, 'cgroup.controllers'))) return undefined;
  const candidates = [...(isRoot ? [root] : []), ...(own === undefined || own === '/' ? [] : [path.join(root, own)])];
  for (const candidate of candidates) {
    const available = readOr(path.join(candidate, 'cgroup.controllers')).split(/\s+/);
    const kinds = (Object.keys(controllerOf) as LimitKind[]).filter((kind) => available.includes(controllerOf[kind]));
    if (kinds.length === 0 || !writable(candidate)) continue;
    try {
      const base = prepare(candidate, candidate === root, kinds);
      return cgroupV2Groups(base, kinds);
    } catch {
      // Not ours after all (a scope that was not delegated): the next candidate, or none.
    }
  }
  return undefined;
}

function prepare(candidate: string, isRootCgroup: boolean, kinds: readonly LimitKind[]): string {
  if (!isRootCgroup) {
    // The kernel lets a group hand controllers on only once no process is in it.
    const leaf = path.join(candidate, 'lab-grader-leaf');
    mkdirSync(leaf, { recursive: true });
    for (const pid of readOr(path.join(candidate, 'cgroup.procs')).split('\n').filter(Boolean)) writeFileSync(path.join(leaf, 'cgroup.procs'), pid);
  }
  enable(candidate, kinds);
  const base = path.join(candidate, 'lab-grader');
  mkdirSync(base, { recursive: true });
  enable(base, kinds);
  return base;
}

/** The program groups under a prepared base. */
export function cgroupV2Groups(base: string, kinds: readonly LimitKind[]): CgroupTree {
  return {
    version: 2,
    kinds,
    make: (name, wanted) => {
      const directory = path.join(base, name);
      mkdirSync(directory);
      if (wanted.includes('memory')) {
        writeFileSync(path.join(directory, 'memory.max'), String(sandboxLimits.memoryBytes));
        // No swap beyond it: the limit is the memory a program can hold, not what it can push out.
        if (existsSync(path.join(directory, 'memory.swap.max'))) writeFileSync(path.join(directory, 'memory.swap.max'), '0');
      }
      if (wanted.includes('processes')) writeFileSync(path.join(directory, 'pids.max'), String(sandboxLimits.processes));
      return [directory];
    },
    limitsHit: (directory) => [
      ...(eventCount(directory, 'memory.events', 'oom_kill') + eventCount(directory, 'memory.events', 'oom') > 0 ? (['memory'] as const) : []),
      ...(eventCount(directory, 'pids.events', 'max') > 0 ? (['processes'] as const) : []),
    ],
    kill: (directory) => {
      // cgroup.kill (Linux 5.14+) ends every process at once, also one forked a moment ago.
      const killFile = path.join(directory, 'cgroup.kill');
      if (existsSync(killFile)) {
        try {
          writeFileSync(killFile, '1');
        } catch {
          // The group went meanwhile.
        }
      }
      killListedMembers(directory);
    },
    parents: [base],
  };
}
