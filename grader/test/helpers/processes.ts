import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readTcpTable } from '../../net/tcp-table.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

// Where submissions live in this repo: any process running from there was started by a test.
export const submissionRoots = ['grader/test/fixtures', 'solutions', 'exercises'].map((folder) => path.join(repoRoot, folder));

export interface ProcessInfo {
  readonly pid: number;
  readonly commandLine: string;
}

/** Every process on the machine whose command line mentions one of `needles`. */
export function processesMentioning(needles: readonly string[]): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {
      continue;
    }
    if (needles.some((needle) => commandLine.includes(needle))) found.push({ pid: Number(entry), commandLine });
  }
  return found;
}

/** TCP ports in LISTEN state on this machine. */
export function listeningPorts(): Set<number> {
  return new Set((readTcpTable() ?? []).filter((socket) => socket.state === 'listen').map((socket) => socket.localPort));
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
