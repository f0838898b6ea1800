import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { killProcessTree } from '../process/kill-tree.ts';
import { forgetProgram, rememberProgram } from '../process/registry.ts';
import { unwatchGroup, watchGroup } from '../process/reaper.ts';
import type { ConnectAttempt } from './connect.ts';
import type { Listener, ListenOptions, Network } from './network.ts';
import { usesLinuxWays } from '../platform.ts';
import { kitFile } from '../kit-root.ts';

// A network of one program's copy alone: a Linux network namespace holding a loopback
// interface and nothing else. A server that hard-codes port 12345 gets the port to itself
// however many copies run at once and whatever else on the machine holds 12345, and the
// connections it leaves in TIME_WAIT vanish with the namespace instead of stopping its next
// copy from binding. The grader cannot move its own sockets into a namespace, so a small door
// process inside it (door.mjs) opens them there and passes them over; programs join it with
// nsenter. Root makes the namespace directly; anyone else inside a user namespace of their own.

const doorScript = kitFile('grader', 'net', 'door.mjs');
const readyTimeoutMs = 10_000;
// On top of a request's own deadline, for the round trip through the door.
const requestSlackMs = 2_000;

type DoorReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'unavailable'; readonly detail: string }
  | { readonly kind: 'connected'; readonly id: number; readonly host: string }
  | { readonly kind: 'listening'; readonly id: number }
  | { readonly kind: 'unlistened'; readonly id: number }
  | { readonly kind: 'connection'; readonly listener: number }
  | { readonly kind: 'failed'; readonly id: number; readonly failure: 'refused' | 'timeout' | 'error'; readonly errorCode?: string };

export class OwnNetworkUnavailable extends Error {}

const asRoot = process.getuid?.() === 0;

function doorCommand(): string[] {
  const unshare = asRoot ? ['unshare', '--net', '--'] : ['unshare', '--user', '--map-root-user', '--net', '--'];
  return ['setpriv', '--pdeathsig', 'KILL', '--', ...unshare, process.execPath, doorScript];
}

class DoorNetwork implements Network {
  readonly kind = 'own';
  readonly procNet: string;
  readonly entry: readonly string[];
  private nextId = 0;
  private readonly pending = new Map<number, (reply: DoorReply | undefined, handle: unknown) => void>();
  private readonly listeners = new Map<number, { readonly options: ListenOptions; readonly onConnection: (socket: net.Socket) => void }>();
  private readonly killable = { killNow: () => killProcessTree(this.door.pid) };

  constructor(private readonly door: ChildProcess) {
    const pid = door.pid as number;
    this.procNet = `/proc/${pid}/net`;
    this.entry = asRoot ? ['nsenter', `--target=${pid}`, '--net', '--'] : ['nsenter', `--target=${pid}`, '--user', '--net', '--preserve-credentials', '--'];
    rememberProgram(this.killable);
    door.on('message', (reply: DoorReply, handle: unknown) => {
      if (reply.kind === 'connection') return this.accepted(reply.listener, handle);
      if (!('id' in reply)) return;
      this.pending.get(reply.id)?.(reply, handle);
      this.pending.delete(reply.id);
    });
    door.on('exit', () => {
      for (const settle of this.pending.values()) settle(undefined, undefined);
      this.pending.clear();
    });
  }

  private request(body: Record<string, unknown>, deadlineMs: number, id = this.nextId++): Promise<{ reply: DoorReply | undefined; handle: unknown }> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(undefined, undefined), deadlineMs);
      const settle = (reply: DoorReply | undefined, handle: unknown) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ reply, handle });
      };
      this.pending.set(id, settle);
      if (!this.door.connected) return settle(undefined, undefined);
      this.door.send({ ...body, id }, (error) => error && settle(undefined, undefined));
    });
  }

  async connectOnce(host: string, port: number, timeoutMs: number): Promise<ConnectAttempt> {
    const { reply, handle } = await this.request({ kind: 'connect', host, port, timeoutMs }, timeoutMs + requestSlackMs);
    if (reply?.kind === 'connected' && handle instanceof net.Socket) {
      // Passed sockets come without the options the grader's own connections have.
      handle.allowHalfOpen = true;
      handle.setNoDelay(true);
      return { socket: handle, host };
    }
    if (handle instanceof net.Socket) handle.destroy();
    if (reply?.kind === 'failed') return { failure: reply.failure, ...(reply.errorCode ? { errorCode: reply.errorCode } : {}) };
    return { failure: 'error', errorCode: 'EDOOR' };
  }

  async listen(host: string, port: number, options: ListenOptions, onConnection: (socket: net.Socket) => void): Promise<Listener> {
    const id = this.nextId++;
    // Registered first: a connection may come right after the door starts listening.
    this.listeners.set(id, { options, onConnection });
    const { reply } = await this.request({ kind: 'listen', host, port }, readyTimeoutMs, id);
    if (reply?.kind === 'listening') {
      return { close: async () => void (await this.request({ kind: 'unlisten', listener: id }, readyTimeoutMs), this.listeners.delete(id)) };
    }
    this.listeners.delete(id);
    const code = reply?.kind === 'failed' ? reply.errorCode : 'EDOOR';
    throw Object.assign(new Error(`cannot listen on ${host}:${port} in the program's network (${code})`), { code });
  }

  /** A connection the door accepted for one of the grader's listeners, passed on unread. */
  private accepted(listener: number, handle: unknown): void {
    if (!(handle instanceof net.Socket)) return;
    const wanted = this.listeners.get(listener);
    if (!wanted) return void handle.destroy();
    handle.allowHalfOpen = wanted.options.allowHalfOpen;
    handle.setNoDelay(wanted.options.noDelay);
    wanted.onConnection(handle);
  }

  async close(): Promise<void> {
    this.killable.killNow();
    forgetProgram(this.killable);
    unwatchGroup(this.door.pid);
    if (this.door.exitCode === null && this.door.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        this.door.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.door.disconnect?.();
  }
}

/** A new network of its own for one program's copy; throws OwnNetworkUnavailable where the machine cannot make one. */
async function openDoorNetwork(): Promise<Network> {
  const [command, ...args] = doorCommand();
  const door = spawn(command as string, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], detached: true });
  watchGroup(door.pid);
  let stderr = '';
  door.stderr?.on('data', (chunk: Buffer) => (stderr = `${stderr}${chunk.toString('utf8')}`.slice(-2_000)));
  const first = await new Promise<DoorReply | { kind: 'failed-to-start'; detail: string }>((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'failed-to-start', detail: 'no answer' }), readyTimeoutMs);
    door.once('message', (reply: DoorReply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    door.once('error', (error) => {
      clearTimeout(timer);
      resolve({ kind: 'failed-to-start', detail: error.message });
    });
    door.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ kind: 'failed-to-start', detail: stderr.trim().split('\n')[0] || `exit ${code}` });
    });
  });
  const network = new DoorNetwork(door);
  if (first.kind === 'ready') return network;
  await network.close();
  throw new OwnNetworkUnavailable('detail' in first ? first.detail : first.kind);
}

/**
 * The networks of one grade's programs. Whether the machine can give them at all (Linux,
 * util-linux and iproute2, and the privilege: root, or unprivileged user namespaces) is found
 * out by opening the first one, which then waits for the first program that needs it.
 * LAB_GRADER_NETWORK=machine keeps every program in the machine's network, as on macOS and Windows.
 */
export class OwnNetworks {
  private constructor(private warm: Network | undefined) {}

  /** Networks of their own for one grade; undefined where the machine cannot give them. */
  static async open(): Promise<OwnNetworks | undefined> {
    if (!usesLinuxWays() || process.env.LAB_GRADER_NETWORK === 'machine') return undefined;
    try {
      return new OwnNetworks(await openDoorNetwork());
    } catch {
      return undefined;
    }
  }

  /** A network for one program's copy (or one run of a client); the caller closes it. */
  async next(): Promise<Network> {
    const warm = this.warm;
    this.warm = undefined;
    return warm ?? openDoorNetwork();
  }

  /** Closes the network still waiting, if no program needed it. */
  async close(): Promise<void> {
    await this.warm?.close();
    this.warm = undefined;
  }
}
