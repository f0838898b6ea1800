import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { removeGroup, type CgroupTree, type LimitKind } from './cgroup-tree.ts';
import { cgroupV1Tree } from './cgroup-v1.ts';
import { cgroupV2Tree } from './cgroup-v2.ts';

// The cgroups of sandboxed programs: on the hierarchy this machine lets the grader use (v1
// controllers where root has them, else v2: the root cgroup for root, a delegated scope for
// anyone else), found once. Groups are named after the grader's pid, so that a later grader can
// tell the leftovers of one that was killed.

let found: { tree: CgroupTree | undefined } | undefined;

export function cgroupTree(): CgroupTree | undefined {
  if (process.platform !== 'linux') return undefined;
  found ??= { tree: (process.getuid?.() === 0 ? cgroupV1Tree() : undefined) ?? cgroupV2Tree() };
  return found.tree;
}

/** Which limits this machine lets the grader set. */
export function availableCgroupLimits(): LimitKind[] {
  return [...(cgroupTree()?.kinds ?? [])];
}

/** The groups of one program. */
export class ProgramCgroups {
  private static counter = 0;
  readonly directories: string[];

  private constructor(
    private readonly tree: CgroupTree,
    kinds: readonly LimitKind[],
  ) {
    this.directories = tree.make(`${process.pid}-${ProgramCgroups.counter++}`, kinds);
  }

  static create(kinds: readonly LimitKind[]): ProgramCgroups | undefined {
    const tree = cgroupTree();
    return tree && new ProgramCgroups(tree, kinds);
  }

  /** The files a wrapper writes its own pid to, before it becomes the program. */
  get procsFiles(): string[] {
    return this.directories.map((directory) => path.join(directory, 'cgroup.procs'));
  }

  /** The limits the program ran into: read when it ends, before the groups are removed. */
  limitsHit(): LimitKind[] {
    return [...new Set(this.directories.flatMap((directory) => this.tree.limitsHit(directory)))];
  }

  /** Every process still in the groups: the last resort of a teardown. */
  killMembers(): void {
    for (const directory of this.directories) this.tree.kill(directory);
  }

  /** Removes the groups once they are empty; the processes may need a moment to be reaped. */
  async release(): Promise<void> {
    for (let attempt = 0; attempt < 50 && this.directories.length > 0; attempt++) {
      this.killMembers();
      for (const directory of [...this.directories]) {
        if (removeGroup(directory)) this.directories.splice(this.directories.indexOf(directory), 1);
      }
      if (this.directories.length > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function groupsIn(parent: string): string[] {
  try {
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(parent, entry.name));
  } catch {
    return [];
  }
}

/** Groups left by graders that no longer run (killed with SIGKILL, say): their processes and the groups go. */
export function removeLeftoverGroups(): void {
  const tree = cgroupTree();
  for (const directory of (tree?.parents ?? []).flatMap(groupsIn)) {
    const owner = /^(?:probe-)?(\d+)(?:-\d+)?$/.exec(path.basename(directory))?.[1];
    if (owner === undefined || existsSync(`/proc/${owner}`)) continue;
    tree?.kill(directory);
    removeGroup(directory);
  }
}

/** Every program cgroup there is now, of any grader: after the last grade ends, there should be none. */
export function existingProgramGroups(): string[] {
  return (cgroupTree()?.parents ?? []).flatMap(groupsIn);
}
