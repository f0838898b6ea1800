import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { listeningPorts, processesMentioning, submissionRoots, waitUntil } from './processes.ts';

// The whole suite's promise: after it, no program a test started is still running (the fork
// bomb's shells included), no port it used is still bound, and no sandbox cgroup is left.

let portsBefore = new Set<number>();

const bombShells = 'b & b & sleep';

function sandboxCgroups(): string[] {
  return ['memory', 'pids', 'cpu'].flatMap((controller) => {
    const parent = path.join('/sys/fs/cgroup', controller, 'lab-grader');
    try {
      return readdirSync(parent)
        .map((name) => path.join(parent, name))
        .filter((entry) => statSync(entry).isDirectory());
    } catch {
      return [];
    }
  });
}

export function setup(): void {
  portsBefore = listeningPorts();
}

export async function teardown(): Promise<void> {
  const leftovers = () => processesMentioning([...submissionRoots, bombShells]);
  await waitUntil(() => leftovers().length === 0 && sandboxCgroups().length === 0, 3_000);
  const processes = leftovers();
  const ports = [...listeningPorts()].filter((port) => !portsBefore.has(port));
  const cgroups = sandboxCgroups();
  if (processes.length > 0 || ports.length > 0 || cgroups.length > 0) {
    throw new Error(
      `the test suite left things behind: processes ${JSON.stringify(processes)}; listening ports ${JSON.stringify(ports)}; cgroups ${JSON.stringify(cgroups)}`,
    );
  }
}
