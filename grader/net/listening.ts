import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connectToServer } from './connect.ts';

// Whether something listens on a port. On Linux the kernel's socket tables answer without
// connecting: a connection would count as a client, and a server that exits after its first
// client would be used up by the readiness probe. Elsewhere a short connection is the only way.

const procTables = ['/proc/net/tcp', '/proc/net/tcp6'];
const LISTEN_STATE = '0A';

/** Listening sockets by inode, with their ports; undefined where the kernel's tables cannot be read. */
function readListeningSockets(): Map<string, number> | undefined {
  const sockets = new Map<string, number>();
  let readAny = false;
  for (const table of procTables) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    readAny = true;
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      const inode = fields[9];
      if (fields[3] !== LISTEN_STATE || local === undefined || inode === undefined) continue;
      sockets.set(inode, Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return readAny ? sockets : undefined;
}

function readListeningPorts(): Set<number> | undefined {
  const sockets = readListeningSockets();
  return sockets && new Set(sockets.values());
}

/**
 * The ports a process listens on, found through its open file descriptors, so that a server
 * that hard-codes some port can be found there. Empty where this cannot be seen.
 */
export function portsListenedBy(pid: number | undefined): number[] {
  const sockets = pid === undefined ? undefined : readListeningSockets();
  if (pid === undefined || !sockets) return [];
  return processTree(pid).flatMap((member) => listeningPortsOf(member, sockets));
}

/** A process and its descendants (a wrapper command may leave the listening to a child). */
export function processTree(pid: number, depth = 0): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // No such process any more, or a kernel without the children list: the process alone.
  }
  return [pid, ...(depth < 4 ? children.flatMap((child) => processTree(child, depth + 1)) : [])];
}

function listeningPortsOf(pid: number, sockets: Map<string, number>): number[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const ports: number[] = [];
  for (const fd of fds) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    const port = sockets.get(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '');
    if (port !== undefined) ports.push(port);
  }
  return ports;
}

export async function isListening(port: number): Promise<boolean> {
  const ports = readListeningPorts();
  if (ports) return ports.has(port);
  const attempt = await connectToServer(port, 500);
  attempt.socket?.destroy();
  return attempt.socket !== undefined;
}

/** True when this machine lets the grader see listening sockets without connecting. */
export function canSeeListeningSockets(): boolean {
  return readListeningPorts() !== undefined;
}
