import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNetstat, readNetstatTable } from '../../net/netstat-table.ts';
import { readTcpTable, type TcpSocket } from '../../net/tcp-table.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

// Where submissions live in this repo: any process running from there was started by a test.
export const submissionRoots = ['grader/test/fixtures', 'solutions', 'exercises'].map((folder) => path.join(repoRoot, folder));

export interface ProcessInfo {
  readonly pid: number;
  readonly commandLine: string;
}

// The suite checks what it left behind on every system the kit's CI runs on: through /proc on
// Linux, and where there is none (macOS, Windows) through what the system's own tools list.

/** Runs a listing tool; its lines, or none where it cannot run. */
function linesOf(command: string, args: readonly string[]): string[] {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 15_000, windowsHide: true, maxBuffer: 64 * 1024 * 1024 });
  return run.status === 0 ? run.stdout.split(/\r?\n/) : [];
}

/** Every process on the machine whose command line mentions one of `needles`. */
export function processesMentioning(needles: readonly string[]): ProcessInfo[] {
  if (process.platform !== 'linux') return listedProcesses().filter(({ pid, commandLine }) => pid !== process.pid && needles.some((needle) => commandLine.includes(needle)));
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

/** Every process, as ps (macOS, other Unixes) or Windows' process table lists them. */
export function listedProcesses(): ProcessInfo[] {
  const lines =
    process.platform === 'win32'
      ? linesOf('powershell', ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_Process | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" }'])
      : linesOf('ps', ['-axww', '-o', 'pid=,command=']);
  return lines.flatMap((line) => {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    return match ? [{ pid: Number(match[1]), commandLine: (match[2] ?? '').trim() }] : [];
  });
}

/** TCP ports in LISTEN state on this machine. */
export function listeningPorts(): Set<number> {
  // The kernel's tables on Linux; the grader reads netstat's elsewhere.
  return listeningIn(readTcpTable() ?? []);
}

/** The listening ports as netstat lists them (macOS, Windows, and Linux's net-tools), read as the grader reads it. */
export function netstatListeningPorts(): Set<number> {
  return listeningIn(readNetstatTable() ?? []);
}

/** The listening ports in netstat's lines (macOS `tcp4 0 0 127.0.0.1.12345 *.* LISTEN`, Windows `TCP 127.0.0.1:12345 0.0.0.0:0 LISTENING`). */
export function listeningPortsFromNetstat(lines: readonly string[]): Set<number> {
  return listeningIn(parseNetstat(lines.join('\n')));
}

function listeningIn(sockets: readonly TcpSocket[]): Set<number> {
  return new Set(sockets.filter((socket) => socket.state === 'listen').map((socket) => socket.localPort));
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
