import { performance } from 'node:perf_hooks';
import { connectToServer } from './connect.ts';
import type { Network } from './network.ts';
import { ProbeState } from './probe-state.ts';
import { readTcpTable } from './tcp-table.ts';
import type { TranscriptEvent } from './transcript.ts';
import { serverEndHeld } from './listener-tools.ts';
import { usesLinuxWays } from '../platform.ts';

// The grader's TCP probe: one connection, a scripted message (possibly in delayed segments),
// then whatever the server answers, recorded byte for byte. Every wait has a deadline, and
// a reply counts even when the connection then ends in a reset.

export interface Segment {
  readonly bytes: Buffer;
  readonly delayBeforeMs?: number;
}

export interface ExchangeScript {
  readonly segments: readonly Segment[];
  /** How the client ends its message: half-close, leave the connection open, or reset it. */
  readonly ending: 'half-close' | 'keep-open' | 'reset';
  /** How long to wait for a reply once the whole message is sent. */
  readonly replyTimeoutMs: number;
  /** keep-open only: if the server stays silent this long, half-close and wait again. */
  readonly halfCloseIfSilentMs?: number;
  /** After a reply line, how long to watch for the server closing the connection. */
  readonly closeWatchMs?: number;
  readonly connectTimeoutMs?: number;
}

export interface Exchange {
  readonly events: readonly TranscriptEvent[];
  readonly connected: boolean;
  readonly reply: Buffer;
  /** All times are milliseconds since the connection attempt began. */
  readonly firstReplyAtMs?: number;
  readonly messageSentAtMs?: number;
  /** When the last piece of the message began to be written. */
  readonly lastSegmentAtMs?: number;
  readonly repliedBeforeMessageEnd: boolean;
  readonly halfClosedAtMs?: number;
  readonly serverClosedAtMs?: number;
  readonly reset: boolean;
  readonly endedAtMs: number;
  readonly clientPort?: number;
  /** performance.now() when the connection attempt began, to relate exchanges to each other. */
  readonly startedAt: number;
}


const serverMayCloseFirstMs = 25;

export async function exchange(port: number, script: ExchangeScript, network: Network): Promise<Exchange> {
  const startedAt = performance.now();
  const now = () => Math.round((performance.now() - startedAt) * 10) / 10;
  const events: TranscriptEvent[] = [];
  const attempt = await connectToServer(port, script.connectTimeoutMs ?? 2_000, network);
  if (!attempt.socket) {
    events.push({ kind: attempt.failure === 'timeout' ? 'deadline' : 'refused', atMs: now() });
    return { events, connected: false, reply: Buffer.alloc(0), repliedBeforeMessageEnd: false, reset: false, endedAtMs: now(), startedAt };
  }
  const socket = attempt.socket;
  events.push({ kind: 'connect', atMs: now(), host: attempt.host });
  const state = new ProbeState(socket, events, now);
  try {
    await sendMessage(state, script);
    await awaitReply(state, script);
  } finally {
    if (!state.closed) {
      events.push({ kind: 'grader-closed', atMs: now() });
      if (await serverEndIsOrphaned(state, port, network)) socket.resetAndDestroy();
      else socket.destroy();
    }
  }
  return {
    events,
    connected: true,
    reply: Buffer.concat(state.replyChunks),
    firstReplyAtMs: state.firstReplyAtMs,
    messageSentAtMs: state.messageSentAtMs,
    lastSegmentAtMs: state.lastSegmentAtMs,
    repliedBeforeMessageEnd:
      state.firstReplyAtMs !== undefined &&
      (state.lastSegmentAtMs === undefined || state.firstReplyAtMs < state.lastSegmentAtMs),
    halfClosedAtMs: state.halfClosedAtMs,
    serverClosedAtMs: state.serverClosedAtMs,
    reset: state.reset,
    endedAtMs: now(),
    clientPort: state.clientPort,
    startedAt,
  };
}

/**
 * Whether the server closed the connection first and its program has already let go of its end.
 * Closing normally would then leave that end in TIME_WAIT for a minute on the server's port, and
 * a server without SO_REUSEADDR could not bind the port again until it is over; a reset ends it
 * at once, and no program is there any more to see it. A program that still holds its end (a
 * Node server after socket.end()) would see the reset as an error: it gets a normal close.
 */
async function serverEndIsOrphaned(state: ProbeState, port: number, network: Network): Promise<boolean> {
  if (state.serverClosedAtMs === undefined || state.reset || state.halfClosedAtMs !== undefined) return false;
  // Without the kernel's tables, lsof tells whether a program holds that end. Windows has no
  // lsof: a normal close there (whether TIME_WAIT keeps a Windows server from listening on its
  // port again is not tested: the kit's machine is Linux).
  if (!usesLinuxWays()) return state.clientPort !== undefined && (await serverEndHeld(port, state.clientPort)) === false;
  return (readTcpTable(network.procNet) ?? []).some(
    (socket) =>
      socket.localPort === port &&
      socket.remotePort === state.clientPort &&
      socket.inode === '0' &&
      (socket.state === 'fin-wait-1' || socket.state === 'fin-wait-2'),
  );
}

async function sendMessage(state: ProbeState, script: ExchangeScript): Promise<void> {
  for (const [index, segment] of script.segments.entries()) {
    if (segment.delayBeforeMs) await state.changed.until(() => state.serverDone, segment.delayBeforeMs);
    if (index === script.segments.length - 1) state.lastSegmentAtMs = state.now();
    if (!(await state.write(segment.bytes))) return;
  }
  state.messageSentAtMs = state.now();
  if (script.ending === 'half-close') {
    // A server that answers what it has at once and closes must not meet the grader's own close
    // on the way: the side that closes first keeps the server's port in TIME_WAIT (see
    // serverEndIsOrphaned). A moment's wait lets it close first; one that waits for the end of
    // the message gets the half-close just as well, a moment later.
    await state.changed.until(() => state.serverDone, serverMayCloseFirstMs);
    if (!state.serverDone) halfClose(state);
  }
  if (script.ending === 'reset') {
    state.events.push({ kind: 'reset-sent', atMs: state.now() });
    state.socket.resetAndDestroy();
    state.closed = true;
  }
}

function halfClose(state: ProbeState): void {
  if (state.socket.destroyed) return;
  state.socket.end();
  state.halfClosedAtMs = state.now();
  state.events.push({ kind: 'half-close', atMs: state.halfClosedAtMs });
}

async function awaitReply(state: ProbeState, script: ExchangeScript): Promise<void> {
  if (state.closed) return;
  const closeWatchMs = script.closeWatchMs ?? 50;
  const replyComplete = () =>
    state.serverDone ||
    (state.newlineAtMs !== undefined && state.now() - state.newlineAtMs >= closeWatchMs);
  const waitComplete = async (timeoutMs: number) => {
    // A reply line is complete at once; the extra wait only watches for the server's close.
    await state.changed.until(() => state.serverDone || state.newlineAtMs !== undefined, timeoutMs);
    if (!state.serverDone && state.newlineAtMs !== undefined) {
      await state.changed.until(() => state.serverDone, closeWatchMs - (state.now() - state.newlineAtMs));
    }
    return replyComplete();
  };
  if (script.ending === 'keep-open' && script.halfCloseIfSilentMs !== undefined) {
    await state.changed.until(() => state.serverDone || state.firstReplyAtMs !== undefined, script.halfCloseIfSilentMs);
    if (state.firstReplyAtMs === undefined && !state.serverDone) halfClose(state);
  }
  if (!(await waitComplete(script.replyTimeoutMs)) && !state.serverDone) {
    state.events.push({ kind: 'deadline', atMs: state.now() });
  }
}
