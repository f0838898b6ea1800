import { listeningPorts, processesMentioning, submissionRoots, waitUntil } from './processes.ts';

// The whole suite's promise: after it, no program a test started is still running and no port
// it used is still bound. A leftover fails the run.

let portsBefore = new Set<number>();

export function setup(): void {
  portsBefore = listeningPorts();
}

export async function teardown(): Promise<void> {
  const leftovers = () => processesMentioning(submissionRoots);
  await waitUntil(() => leftovers().length === 0, 3_000);
  const processes = leftovers();
  const ports = [...listeningPorts()].filter((port) => !portsBefore.has(port));
  if (processes.length > 0 || ports.length > 0) {
    throw new Error(
      `the test suite left things behind: processes ${JSON.stringify(processes)}; listening ports ${JSON.stringify(ports)}`,
    );
  }
}
