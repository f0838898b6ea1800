import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventCount, killListedMembers, readOr, removeGroup, type CgroupTree, type LimitKind } from './cgroup-tree.ts';
import { sandboxLimits } from './limits.ts';

// cgroup v1 (separate memory and pids hierarchies), which root can use on the machines this kit
// was first measured on. Each program gets a group in each controller's hierarchy.

const settings: Record<LimitKind, { controller: string; files: [string, string][] }> = {
  memory: { controller: 'memory', files: [['memory.limit_in_bytes', String(sandboxLimits.memoryBytes)]] },
  processes: { controller: 'pids', files: [['pids.max', String(sandboxLimits.processes)]] },
};

export function cgroupV1Tree(root = '/sys/fs/cgroup'): CgroupTree | undefined {
  const parent = (kind: LimitKind) => path.join(root, settings[kind].controller, 'lab-grader');
  const make = (name: string, kinds: readonly LimitKind[]) =>
    kinds.map((kind) => {
      const directory = path.join(parent(kind), name);
      mkdirSync(directory, { recursive: true });
      for (const [file, value] of settings[kind].files) writeFileSync(path.join(directory, file), value);
      // Where the kernel accounts swap, the same limit on memory and swap together.
      if (kind === 'memory' && existsSync(path.join(directory, 'memory.memsw.limit_in_bytes'))) {
        writeFileSync(path.join(directory, 'memory.memsw.limit_in_bytes'), String(sandboxLimits.memoryBytes));
      }
      return directory;
    });
  // Which controllers root may use here: tried once, by making and removing a group.
  const kinds = (Object.keys(settings) as LimitKind[]).filter((kind) => {
    if (!existsSync(path.join(root, settings[kind].controller, 'cgroup.procs'))) return false;
    const probe = path.join(parent(kind), `probe-${process.pid}`);
    try {
      make(`probe-${process.pid}`, [kind]);
      return true;
    } catch {
      return false;
    } finally {
      removeGroup(probe);
    }
  });
  if (kinds.length === 0) return undefined;
  return {
    version: 1,
    kinds,
    make,
    limitsHit: (directory) => {
      const controller = path.basename(path.dirname(path.dirname(directory)));
      const hit: LimitKind[] = [];
      const oom = /oom_kill (\d+)/.exec(readOr(path.join(directory, 'memory.oom_control')))?.[1];
      if (controller === 'memory' && Number(oom ?? readOr(path.join(directory, 'memory.failcnt'), '0')) > 0) hit.push('memory');
      if (controller === 'pids' && eventCount(directory, 'pids.events', 'max') > 0) hit.push('processes');
      return hit;
    },
    kill: killListedMembers,
    parents: kinds.map(parent),
  };
}
