import type net from 'node:net';
import { ConditionSignal } from './signal.ts';
import { bytesEvent, type TranscriptEvent } from './transcript.ts';

// What the probe knows about one connection while it runs: every event goes into the
// transcript as it happens, and waiters are woken on each change.

// A reply may echo the largest message the grader sends (64 KiB) beside its count; four times
// that is a flood, and the connection is cut there.
export const maxReplyBytes = 4 * 65_536;
const writeTimeoutMs = 3_000;

export class ProbeState {
  readonly replyChunks: Buffer[] = [];
  replyBytes = 0;
  firstReplyAtMs: number | undefined;
  newlineAtMs: number | undefined;
  messageSentAtMs: number | undefined;
  lastSegmentAtMs: number | undefined;
  halfClosedAtMs: number | undefined;
  serverClosedAtMs: number | undefined;
  reset = false;
  closed = false;
  readonly clientPort: number | undefined;
  readonly changed = new ConditionSignal();

  constructor(
    readonly socket: net.Socket,
    readonly events: TranscriptEvent[],
    readonly now: () => number,
  ) {
    this.clientPort = socket.localPort;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => {
      this.serverClosedAtMs ??= now();
      events.push({ kind: 'server-closed', atMs: now() });
      this.changed.notify();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
        this.reset = true;
        this.serverClosedAtMs ??= now();
        events.push({ kind: 'reset', atMs: now() });
      }
      this.changed.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.changed.notify();
    });
  }

  private onData(chunk: Buffer): void {
    const at = this.now();
    this.firstReplyAtMs ??= at;
    this.events.push(bytesEvent('receive', at, chunk));
    const room = maxReplyBytes - this.replyBytes;
    this.replyChunks.push(chunk.subarray(0, Math.max(0, room)));
    this.replyBytes += chunk.length;
    if (this.newlineAtMs === undefined && chunk.includes(0x0a)) this.newlineAtMs = at;
    if (this.replyBytes > maxReplyBytes) {
      this.events.push({ kind: 'grader-closed', atMs: at });
      this.socket.destroy();
    }
    this.changed.notify();
  }

  get serverDone(): boolean {
    return this.serverClosedAtMs !== undefined || this.closed;
  }

  async write(bytes: Buffer): Promise<boolean> {
    if (this.serverDone || this.socket.destroyed) {
      this.events.push({ kind: 'write-failed', atMs: this.now() });
      return false;
    }
    let failed = false;
    let written = false;
    this.socket.write(bytes, (error) => {
      failed = error !== undefined && error !== null;
      written = true;
      this.changed.notify();
    });
    this.events.push(bytesEvent('send', this.now(), bytes));
    const done = await this.changed.until(() => written || this.closed, writeTimeoutMs);
    if (!done || failed || !written) {
      this.events.push({ kind: 'write-failed', atMs: this.now() });
      return false;
    }
    return true;
  }
}
