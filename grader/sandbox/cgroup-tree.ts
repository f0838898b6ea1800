import { readFileSync, rmdirSync } from 'node:fs';
import path from 'node:path';

// What the sandbox needs of a cgroup hierarchy, whichever version the machine has (cgroup-v1.ts,
// cgroup-v2.ts): groups that limit one program's memory and processes, what it ran into, and
// a way to end everything in a group.

export type LimitKind = 'memory' | 'processes';

export interface CgroupTree {
  readonly version: 1 | 2;
  /** The limits a group here can have. */
  readonly kinds: readonly LimitKind[];
  /** Makes one program's groups (one per controller in v1, one in v2), its limits written: their folders. */
  make(name: string, kinds: readonly LimitKind[]): string[];
  /** The limits a group's programs ran into, read before the group is removed. */
  limitsHit(directory: string): LimitKind[];
  /** Ends every process in a group. */
  kill(directory: string): void;
  /** The folders the groups of every grader on this machine are made in. */
  readonly parents: readonly string[];
}

export const readOr = (file: string, fallback = ''): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
};

/** A counter of a cgroup's events file ("oom_kill 1"), 0 where there is none. */
export const eventCount = (directory: string, file: string, name: string): number => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(readOr(path.join(directory, file)))?.[1] ?? 0);

export function killListedMembers(directory: string): void {
  for (const pid of readOr(path.join(directory, 'cgroup.procs')).split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** Removes an empty group; false while processes are still in it. */
export function removeGroup(directory: string): boolean {
  try {
    rmdirSync(directory);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
