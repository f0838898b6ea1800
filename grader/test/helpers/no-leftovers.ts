import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { existingProgramGroups } from '../../sandbox/limits.ts';
import { listeningPorts, processesMentioning, submissionRoots, waitUntil } from './processes.ts';

// The whole suite's promise: after it, no program a test started is still running (the fork
// bomb's shells included), no port it used is still bound, and no sandbox cgroup is left.

let portsBefore = new Set<number>();

const bombShells = 'b & b & sleep';
// The grader's doors into programs' own networks (net/own-network.ts) end with their programs.
const doorScript = 'grader/net/door.mjs';

/** The sandbox's per-submission tsx caches (sandbox/tsx-cache.ts). */
function tsxCaches(): string[] {
  for (const folder of ['/dev/shm', tmpdir()]) {
    try {
      const found = readdirSync(folder).filter((name) => name.startsWith('lab-grader-tsx-'));
      if (found.length > 0) return found.map((name) => `${folder}/${name}`);
    } catch {
      // No such folder here.
    }
  }
  return [];
}

export function setup(): void {
  portsBefore = listeningPorts();
}

export async function teardown(): Promise<void> {
  const leftovers = () => processesMentioning([...submissionRoots, bombShells, doorScript]);
  await waitUntil(() => leftovers().length === 0, 3_000);
  // A grader killed with SIGKILL leaves its cgroups to its watcher, which may take a few seconds
  // on a loaded machine (the killed processes must first be reaped).
  await waitUntil(() => existingProgramGroups().length === 0, 10_000);
  const processes = leftovers();
  const ports = [...listeningPorts()].filter((port) => !portsBefore.has(port));
  const cgroups = existingProgramGroups();
  const caches = tsxCaches();
  if (processes.length > 0 || ports.length > 0 || cgroups.length > 0 || caches.length > 0) {
    throw new Error(
      `the test suite left things behind: processes ${JSON.stringify(processes)}; listening ports ${JSON.stringify(ports)}; cgroups ${JSON.stringify(cgroups)}; tsx caches ${JSON.stringify(caches)}`,
    );
  }
}
