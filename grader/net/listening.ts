import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connectToServer } from './connect.ts';
import { machineNetwork, type Network } from './network.ts';
import { readTcpTable } from './tcp-table.ts';
import { usesLinuxWays } from '../platform.ts';

// Whether something listens on a port. On Linux the kernel's socket tables answer without
// connecting: a connection would count as a client, and a server that exits after its first
// client would be used up by the readiness probe. Elsewhere a short connection is the only way.

/** Listening sockets by inode, with their ports; undefined where the kernel's tables cannot be read. */
function readListeningSockets(procNet: string | undefined): Map<string, number> | undefined {
  const table = procNet === undefined ? undefined : readTcpTable(procNet);
  return table && new Map(table.flatMap((socket) => (socket.state === 'listen' && socket.inode !== undefined ? [[socket.inode, socket.localPort] as const] : [])));
}

/**
 * The ports a process listens on, found through its open file descriptors, so that a server
 * that hard-codes some port can be found there. The tables are the process's own: it may run in
 * a network of its own. Empty where this cannot be seen.
 */
export function portsListenedBy(pid: number | undefined): number[] {
  if (pid === undefined || !usesLinuxWays()) return [];
  // The process's own sockets first: the tables list every socket of the namespace (a class's
  // worth of TIME_WAITs), and a program still starting up holds none but its standard streams
  // (socket pairs too, where Node made them).
  const held = processTree(pid).flatMap((member) => socketInodesOf(member, { besidesStandardStreams: true }));
  if (held.length === 0) return [];
  const sockets = readListeningSockets(`/proc/${pid}/net`);
  return sockets ? held.flatMap((inode) => sockets.get(inode) ?? []) : [];
}

/** A process and its descendants (a wrapper command may leave the listening to a child). */
export function processTree(pid: number, depth = 0): number[] {
  if (!usesLinuxWays()) return [pid];
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // No such process any more, or a kernel without the children list: the process alone.
  }
  return [pid, ...(depth < 4 ? children.flatMap((child) => processTree(child, depth + 1)) : [])];
}

/** The socket inodes a process holds open. */
export function socketInodesOf(pid: number, options: { readonly besidesStandardStreams?: boolean } = {}): string[] {
  let fds: string[];
  if (!usesLinuxWays()) return [];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  if (options.besidesStandardStreams) fds = fds.filter((fd) => Number(fd) > 2);
  const inodes: string[] = [];
  for (const fd of fds) {
    try {
      const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
      if (inode !== undefined) inodes.push(inode);
    } catch {
      // Closed in the meantime.
    }
  }
  return inodes;
}

export async function isListening(port: number, network: Network = machineNetwork): Promise<boolean> {
  return (await listeningAmong([port], network)).includes(port);
}

/** Which of the ports something listens on: one reading of the tables for them all. */
export async function listeningAmong(ports: readonly number[], network: Network = machineNetwork): Promise<number[]> {
  const sockets = readListeningSockets(network.procNet);
  if (sockets) {
    const listened = new Set(sockets.values());
    return ports.filter((port) => listened.has(port));
  }
  const attempts = await Promise.all(
    ports.map(async (port) => {
      const attempt = await connectToServer(port, 500, network);
      attempt.socket?.destroy();
      return attempt.socket === undefined ? [] : [port];
    }),
  );
  return attempts.flat();
}

/** True when the grader can see a network's listening sockets without connecting. */
export function canSeeListeningSockets(network: Network = machineNetwork): boolean {
  if (network.procNet === undefined) return false;
  // Opened, not read: reading lists every socket of the namespace.
  for (const table of ['tcp', 'tcp6']) {
    try {
      closeSync(openSync(`${network.procNet}/${table}`, 'r'));
      return true;
    } catch {
      // Not this one.
    }
  }
  return false;
}
