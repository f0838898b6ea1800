import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// What one sandboxed program may use. Memory and processes come from a cgroup (v1 controllers,
// which root can use on the machines this kit was measured on; the cgroup2 tree there has no
// controllers); CPU time per process, open files and file size from rlimits (prlimit), which
// work everywhere. No CPU-share cgroup: a one-core quota per program, tried, made sandboxed
// programs start up to five times slower on a loaded machine and failed timing checks of
// correct servers; a busy loop is ended by the CPU time limit instead, and the process limit
// bounds how many there can be.

export const sandboxLimits = {
  memoryBytes: 256 * 1024 * 1024,
  processes: 64,
  /** Per process: a busy loop is killed after this much CPU time. */
  cpuSeconds: 10,
  openFiles: 256,
  fileBytes: 16 * 1024 * 1024,
  /** The private /tmp, a tmpfs: its pages also count against the memory limit. */
  tmpBytes: 64 * 1024 * 1024,
} as const;

export type LimitKind = 'memory' | 'processes';

const cgroupV1 = '/sys/fs/cgroup';
const controllers: Record<LimitKind, { controller: string; settings: [string, string][] }> = {
  memory: { controller: 'memory', settings: [['memory.limit_in_bytes', String(sandboxLimits.memoryBytes)]] },
  processes: { controller: 'pids', settings: [['pids.max', String(sandboxLimits.processes)]] },
};

const groupParent = (controller: string) => path.join(cgroupV1, controller, 'lab-grader');

/** The cgroups this grader made, named after its own pid so that a later grader can tell leftovers. */
export class ProgramCgroups {
  private static counter = 0;
  readonly directories: string[] = [];

  static create(kinds: readonly LimitKind[]): ProgramCgroups {
    const groups = new ProgramCgroups();
    const name = `${process.pid}-${ProgramCgroups.counter++}`;
    for (const kind of kinds) {
      const { controller, settings } = controllers[kind];
      const directory = path.join(groupParent(controller), name);
      mkdirSync(directory, { recursive: true });
      groups.directories.push(directory);
      for (const [file, value] of settings) writeFileSync(path.join(directory, file), value);
      // Where the kernel accounts swap, the same limit on memory and swap together.
      if (kind === 'memory' && existsSync(path.join(directory, 'memory.memsw.limit_in_bytes'))) {
        writeFileSync(path.join(directory, 'memory.memsw.limit_in_bytes'), String(sandboxLimits.memoryBytes));
      }
    }
    return groups;
  }

  /** The files a wrapper writes its own pid to, before it becomes the program. */
  get procsFiles(): string[] {
    return this.directories.map((directory) => path.join(directory, 'cgroup.procs'));
  }

  /** The limits the program ran into: read when it ends, before the groups are removed. */
  limitsHit(): LimitKind[] {
    const read = (directory: string, file: string) => {
      try {
        return readFileSync(path.join(directory, file), 'utf8');
      } catch {
        return '';
      }
    };
    const hit: LimitKind[] = [];
    for (const directory of this.directories) {
      const controller = path.basename(path.dirname(path.dirname(directory)));
      if (controller === 'memory' && Number(/oom_kill (\d+)/.exec(read(directory, 'memory.oom_control'))?.[1] ?? read(directory, 'memory.failcnt')) > 0) hit.push('memory');
      if (controller === 'pids' && Number(/max (\d+)/.exec(read(directory, 'pids.events'))?.[1] ?? 0) > 0) hit.push('processes');
    }
    return hit;
  }

  /** Every process still in the groups: the last resort of a teardown. */
  killMembers(): void {
    for (const directory of this.directories) killMembersOf(directory);
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

function killMembersOf(directory: string): void {
  let members: string[] = [];
  try {
    members = readFileSync(path.join(directory, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
  } catch {
    return;
  }
  for (const pid of members) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function removeGroup(directory: string): boolean {
  try {
    rmdirSync(directory);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Which limits this machine lets the grader set: tried once, by making and removing a group. */
export function availableCgroupLimits(): LimitKind[] {
  if (process.platform !== 'linux') return [];
  const kinds: LimitKind[] = [];
  for (const kind of Object.keys(controllers) as LimitKind[]) {
    const { controller, settings } = controllers[kind];
    if (!existsSync(path.join(cgroupV1, controller, 'cgroup.procs'))) continue;
    const probe = path.join(groupParent(controller), `probe-${process.pid}`);
    try {
      mkdirSync(probe, { recursive: true });
      for (const [file, value] of settings) writeFileSync(path.join(probe, file), value);
      kinds.push(kind);
    } catch {
      // Not ours to use (no root, or a read-only cgroup tree).
    } finally {
      removeGroup(probe);
    }
  }
  return kinds;
}

/** Groups left by graders that no longer run (killed with SIGKILL, say): their processes and the groups go. */
export function removeLeftoverGroups(): void {
  for (const { controller } of Object.values(controllers)) {
    let names: string[] = [];
    try {
      names = readdirSync(groupParent(controller));
    } catch {
      continue;
    }
    for (const name of names) {
      const owner = /^(?:probe-)?(\d+)(?:-\d+)?$/.exec(name)?.[1];
      if (owner === undefined || existsSync(`/proc/${owner}`)) continue;
      const directory = path.join(groupParent(controller), name);
      killMembersOf(directory);
      removeGroup(directory);
    }
  }
}

/** Every program cgroup there is now, of any grader: after the last grade ends, there should be none. */
export function existingProgramGroups(): string[] {
  return Object.values(controllers).flatMap(({ controller }) => {
    try {
      return readdirSync(groupParent(controller), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(groupParent(controller), entry.name));
    } catch {
      return [];
    }
  });
}

/** prlimit's options: inherited by every process the program forks, each counting its CPU time afresh. */
export function rlimitOptions(): string[] {
  const { cpuSeconds, openFiles, fileBytes } = sandboxLimits;
  return [`--cpu=${cpuSeconds}`, `--nofile=${openFiles}`, `--fsize=${fileBytes}`, '--core=0'];
}
