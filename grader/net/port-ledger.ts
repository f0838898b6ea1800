import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { socketInodesOf } from './listening.ts';
import { ownProcNet, readTcpTable } from './tcp-table.ts';

// What one grade did with ports, beyond its checks: the ports its programs listened on in the
// machine's network (each must be free again afterwards), the ones still bound after every
// program had ended, and what the grader had to do about a hard-coded port that was not free.
// Connections in TIME_WAIT never count as "in use by another program": only a listener does.

export type PortNote =
  /** Another program on this machine listens on the port; the copies ran in networks of their own. */
  | { readonly kind: 'taken-on-machine'; readonly port: number; readonly owner?: string }
  /** Another program listens on the port, and no network of its own could be had: a client on it was not tried there. */
  | { readonly kind: 'taken-not-tried'; readonly port: number; readonly owner?: string }
  /** Old connections in TIME_WAIT held the port on this machine; the copies ran in networks of their own. */
  | { readonly kind: 'time-wait-on-machine'; readonly port: number; readonly connections: number }
  /** No network of its own could be had: the grader waited until TIME_WAIT was over. */
  | { readonly kind: 'time-wait-waited'; readonly port: number; readonly connections: number; readonly waitedSeconds: number }
  /** ... and TIME_WAIT outlasted the longest wait. */
  | { readonly kind: 'time-wait-outlasted'; readonly port: number; readonly waitedSeconds: number };

export class PortLedger {
  /** Ports a copy listened on in the machine's network. */
  readonly used = new Set<number>();
  /** Ports still bound in a copy's own network after the copy had ended. */
  readonly leftBound = new Set<number>();
  readonly notes: PortNote[] = [];

  private readonly waits = new Map<number, { from: number; to: number }[]>();

  note(note: PortNote): void {
    const same = this.notes.findIndex((other) => other.kind === note.kind && other.port === note.port);
    if (same === -1) this.notes.push(note);
    else this.notes[same] = note;
  }

  /**
   * Where only connections in TIME_WAIT hold a port (a server without SO_REUSEADDR cannot bind it
   * until they are over), waits them out, `longestTimeWaitMs` at most or until `signal` gives up,
   * and notes the wait; waits that overlap (copies starting together) count once. 'none' when no
   * such connection holds it (a listener, or nothing the grader can see).
   */
  async waitOutTimeWait(port: number, signal?: AbortSignal): Promise<'none' | 'over' | 'outlasted' | 'aborted'> {
    const connections = timeWaitsOn(port) ?? 0;
    if (connections === 0 || listenerOn(port)) return 'none';
    const wait = await pollTimeWait(port, longestTimeWaitMs, signal);
    if (signal?.aborted) return 'aborted';
    const waits = [...(this.waits.get(port) ?? []), wait].sort((a, b) => a.from - b.from);
    this.waits.set(port, waits);
    let total = 0;
    let reached = -Infinity;
    for (const { from, to } of waits) {
      total += Math.max(0, to - Math.max(from, reached));
      reached = Math.max(reached, to);
    }
    const waitedSeconds = Math.round(total / 1000);
    const earlier = this.notes.find((note) => note.kind === 'time-wait-waited' && note.port === port);
    const seen = Math.max(connections, earlier?.kind === 'time-wait-waited' ? earlier.connections : 0);
    this.note(wait.over ? { kind: 'time-wait-waited', port, connections: seen, waitedSeconds } : { kind: 'time-wait-outlasted', port, waitedSeconds });
    return wait.over ? 'over' : 'outlasted';
  }
}

// Linux keeps a connection in TIME_WAIT for 60 s (macOS 30 s): a little more than that is enough.
export const longestTimeWaitMs = 65_000;

/** Connections in TIME_WAIT whose own end is `port`; undefined where the tables cannot be read. */
export function timeWaitsOn(port: number, procNet: string = ownProcNet): number | undefined {
  return readTcpTable(procNet)?.filter((socket) => socket.state === 'time-wait' && socket.localPort === port).length;
}

/** Whether a listener holds the port; undefined where the tables cannot be read. */
export function listenerOn(port: number, procNet: string = ownProcNet): boolean | undefined {
  return readTcpTable(procNet)?.some((socket) => socket.state === 'listen' && socket.localPort === port);
}

/** Polls the kernel's tables (there is nothing to be told) until no connection in TIME_WAIT holds the port. */
async function pollTimeWait(port: number, limitMs: number, signal?: AbortSignal): Promise<{ readonly over: boolean; readonly from: number; readonly to: number }> {
  const from = performance.now();
  while (performance.now() - from < limitMs && !signal?.aborted) {
    if ((timeWaitsOn(port) ?? 0) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { over: (timeWaitsOn(port) ?? 0) === 0, from, to: performance.now() };
}

/** The program listening on the port, as "name (pid N)", where this machine lets the grader see it. */
export function portOwner(port: number): string | undefined {
  const inodes = new Set(readTcpTable()?.flatMap((socket) => (socket.state === 'listen' && socket.localPort === port && socket.inode !== undefined ? [socket.inode] : [])));
  if (inodes.size === 0) return undefined;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    if (!socketInodesOf(Number(pid)).some((inode) => inodes.has(inode))) continue;
    try {
      return `${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()} (pid ${pid})`;
    } catch {
      return `pid ${pid}`;
    }
  }
  return undefined;
}
