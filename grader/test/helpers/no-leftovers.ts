import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existingProgramGroups } from '../../sandbox/program-cgroups.ts';
import { listeningPorts, processesMentioning, repoRoot, submissionRoots, waitUntil } from './processes.ts';

// The whole suite's promise: after it, no program a test started is still running (the fork
// bomb's shells included), no port it used is still bound, and no sandbox cgroup is left.

let portsBefore = new Set<number>();

const bombShells = 'b & b & sleep';
// The grader's doors into programs' own networks (net/own-network.ts) end with their programs.
// This checkout's: another checkout's suite may be running on the same machine.
const doorScript = path.join(repoRoot, 'grader/net/door.mjs');

/**
 * The grader's own temporary folders: the sandbox's per-submission tsx caches (sandbox/tsx-cache.ts),
 * a grade's compiled TypeScript (submission/typescript-build.ts), a class's unpacked submissions
 * (class/handed-in.ts).
 */
function graderFolders(): string[] {
  const prefixes = ['lab-grader-tsx-', 'lab-grader-build-', 'lab-class-'];
  return [...new Set(['/dev/shm', tmpdir()])].flatMap((folder) => {
    try {
      return readdirSync(folder)
        .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
        .map((name) => `${folder}/${name}`);
    } catch {
      return [];
    }
  });
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
  // A killed grader's folders are removed by its watcher as it goes.
  await waitUntil(() => graderFolders().length === 0, 3_000);
  const processes = leftovers();
  const ports = [...listeningPorts()].filter((port) => !portsBefore.has(port));
  const cgroups = existingProgramGroups();
  const folders = graderFolders();
  if (processes.length > 0 || ports.length > 0 || cgroups.length > 0 || folders.length > 0) {
    // Vitest prints an error thrown here as "error during close" and still exits 0: the exit
    // status is set by hand, so that a suite that left things behind fails (suite-honesty.test.ts).
    process.exitCode = 1;
    throw new Error(
      `the test suite left things behind: processes ${JSON.stringify(processes)}; listening ports ${JSON.stringify(ports)}; cgroups ${JSON.stringify(cgroups)}; the grader's temporary folders ${JSON.stringify(folders)}`,
    );
  }
}
