import { readFileSync } from 'node:fs';
import { usesLinuxWays } from '../platform.ts';
import { readNetstatTable } from './netstat-table.ts';
import type { TcpSocket, TcpState } from './tcp-socket.ts';

export type { TcpSocket, TcpState };

// The kernel's TCP socket tables of one network namespace (/proc/<pid>/net/tcp and tcp6 on
// Linux): which ports are listened on, which connections linger in TIME_WAIT, and whether the
// far end of one of the grader's connections still belongs to a program (its inode is 0 once
// the program has closed it). Reading them never makes a connection a server would count.

const states: Readonly<Record<string, TcpState>> = {
  '01': 'established',
  '02': 'syn-sent',
  '03': 'syn-received',
  '04': 'fin-wait-1',
  '05': 'fin-wait-2',
  '06': 'time-wait',
  '07': 'closed',
  '08': 'close-wait',
  '09': 'last-ack',
  '0A': 'listen',
  '0B': 'closing',
};

/** The machine's own network as the grader sees it. */
export const ownProcNet = '/proc/self/net';

const portOf = (address: string) => Number.parseInt(address.slice(address.lastIndexOf(':') + 1), 16);

/** Every TCP socket of the namespace that `procNet` belongs to; undefined where the tables cannot be read. */
export function readTcpTable(procNet: string = ownProcNet): TcpSocket[] | undefined {
  // Elsewhere only the machine's network is there, and netstat lists it.
  if (!usesLinuxWays()) return readNetstatTable();
  const sockets: TcpSocket[] = [];
  let readAny = false;
  for (const table of ['tcp', 'tcp6']) {
    let text: string;
    try {
      text = readFileSync(`${procNet}/${table}`, 'utf8');
    } catch {
      continue;
    }
    readAny = true;
    for (const line of text.split('\n').slice(1)) {
      const [, local, remote, state, , , , , , inode] = line.trim().split(/\s+/);
      const known = state === undefined ? undefined : states[state];
      if (local === undefined || remote === undefined || known === undefined || inode === undefined) continue;
      sockets.push({ localPort: portOf(local), remotePort: portOf(remote), state: known, inode });
    }
  }
  return readAny ? sockets : undefined;
}
