import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connectToServer } from './connect.ts';
import { machineNetwork, type Network } from './network.ts';
import { readTcpTable } from './tcp-table.ts';

// Whether something listens on a port. On Linux the kernel's socket tables answer without
// connecting: a connection would count as a client, and a server that exits after its first
// client would be used up by the readiness probe. Elsewhere a short connection is the only way.

/** Listening sockets by inode, with their ports; undefined where the kernel's tables cannot be read. */
function readListeningSockets(procNet: string | undefined): Map<string, number> | undefined {
  const table = procNet === undefined ? undefined : readTcpTable(procNet);
  return table && new Map(table.filter((socket) => socket.state === 'listen').map((socket) => [socket.inode, socket.localPort]));
}

/**
 * The ports a process listens on, found through its open file descriptors, so that a server
 * that hard-codes some port can be found there. The tables are the process's own: it may run in
 * a network of its own. Empty where this cannot be seen.
 */
export function portsListenedBy(pid: number | undefined): number[] {
  const sockets = pid === undefined ? undefined : readListeningSockets(`/proc/${pid}/net`);
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

/** The socket inodes a process holds open. */
export function socketInodesOf(pid: number): string[] {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
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

function listeningPortsOf(pid: number, sockets: Map<string, number>): number[] {
  return socketInodesOf(pid).flatMap((inode) => {
    const port = sockets.get(inode);
    return port === undefined ? [] : [port];
  });
}

export async function isListening(port: number, network: Network = machineNetwork): Promise<boolean> {
  const sockets = readListeningSockets(network.procNet);
  if (sockets) return [...sockets.values()].includes(port);
  const attempt = await connectToServer(port, 500, network);
  attempt.socket?.destroy();
  return attempt.socket !== undefined;
}

/** True when the grader can see a network's listening sockets without connecting. */
export function canSeeListeningSockets(network: Network = machineNetwork): boolean {
  return readListeningSockets(network.procNet) !== undefined;
}
