import type net from 'node:net';
import { performance } from 'node:perf_hooks';
import { machineNetwork, type Listener, type Network } from '../net/network.ts';
import { bytesEvent, type TranscriptEvent } from '../net/transcript.ts';

// The grader's own server, for grading a client. It behaves as the script of a check says:
// answer with a given reply (a number that is not the true count, so that a client printing
// its own count is caught), answer in two delayed pieces, close without answering, or say
// nothing at all. It records every byte each client sent, with times.

export type ServerBehaviour =
  | { readonly kind: 'answer'; readonly reply: (message: Buffer) => string }
  | { readonly kind: 'answer-in-pieces'; readonly reply: (message: Buffer) => string; readonly pauseMs: number }
  | { readonly kind: 'close-without-reply' }
  | { readonly kind: 'silent' };

export interface ClientConnection {
  readonly events: TranscriptEvent[];
  /** What the client sent, up to the end of its message. */
  message: Buffer;
  /** How the client ended its message: a line ending, a half-close, or neither (the grader then answered after a pause). */
  ending: 'newline' | 'half-close' | 'pause' | 'none';
  replied: boolean;
  /** performance.now() when the client connected. */
  readonly connectedAt: number;
  /** The port the client connected to. */
  readonly port: number;
}

export const maxMessageBytes = 65_536;
// How long the grader waits, after its answer, for a client to close first (see closeLastOn).
const clientClosesFirstMs = 300;

export interface ScriptedServerOptions {
  /** A client that sends no terminator is answered after this much silence, as a lenient server would. */
  readonly lenientPauseMs: number;
  readonly network?: Network;
  /**
   * A port that a student's server will bind later in the machine's network: there the grader
   * lets the client close first after an answer (a moment at most), because the side that closes
   * first keeps the port in TIME_WAIT for a minute, and a server without SO_REUSEADDR could not
   * bind it until then.
   */
  readonly closeLastOn?: number;
}

// How many connections of one client the scripted server holds at once, and keeps in all.
const maxOpenConnections = 16;
const maxConnectionsKept = 200;

export class ScriptedServer {
  readonly connections: ClientConnection[] = [];
  /** Connections closed as they came: too many at once, or too many in all. */
  refusedConnections = 0;
  private readonly servers: Listener[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly behaviour: ServerBehaviour,
    private readonly options: ScriptedServerOptions,
  ) {}

  /**
   * Listens on each port, on 127.0.0.1 and (where the machine has it) ::1, as a student's client
   * may connect to either; loopback only. Fails if a port's IPv4 address is taken.
   */
  static async listen(ports: readonly number[], behaviour: ServerBehaviour, options: ScriptedServerOptions): Promise<ScriptedServer> {
    const scripted = new ScriptedServer(behaviour, options);
    const network = options.network ?? machineNetwork;
    const listenOn = async (port: number, host: string) => {
      scripted.servers.push(await network.listen(host, port, { allowHalfOpen: true, noDelay: true }, (socket) => scripted.serve(socket)));
    };
    try {
      for (const port of ports) {
        await listenOn(port, '127.0.0.1');
        await listenOn(port, '::1').catch(() => undefined);
      }
    } catch (error) {
      await scripted.close();
      throw error;
    }
    return scripted;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((server) => server.close()));
  }

  private serve(socket: net.Socket): void {
    // A client of the lab holds one connection at a time. One that opens them without end would
    // run the grader out of file descriptors (EMFILE): past a few at once, or past a few hundred
    // in all, a connection is closed as it comes, and not kept.
    if (this.sockets.size >= maxOpenConnections || this.connections.length >= maxConnectionsKept) {
      this.refusedConnections += 1;
      socket.destroy();
      return;
    }
    this.sockets.add(socket);
    const connectedAt = performance.now();
    const at = () => Math.round((performance.now() - connectedAt) * 10) / 10;
    const connection: ClientConnection = {
      events: [{ kind: 'client-connected', atMs: 0, host: socket.remoteAddress }],
      message: Buffer.alloc(0),
      ending: 'none',
      replied: false,
      connectedAt,
      port: socket.localPort ?? 0,
    };
    this.connections.push(connection);
    const received: Buffer[] = [];
    let size = 0;
    let pause: NodeJS.Timeout | undefined;
    let ended = false;
    const endMessage = (ending: ClientConnection['ending']) => {
      if (ended) return;
      ended = true;
      clearTimeout(pause);
      const all = Buffer.concat(received);
      const newline = all.indexOf(0x0a);
      connection.message = newline === -1 ? all : all.subarray(0, newline);
      connection.ending = ending;
      this.respond(socket, connection, at);
    };
    socket.on('data', (chunk: Buffer) => {
      if (ended && size > maxMessageBytes) return;
      connection.events.push(bytesEvent('receive', at(), chunk));
      if (size < maxMessageBytes) received.push(chunk.subarray(0, maxMessageBytes - size));
      size += chunk.length;
      if (size > maxMessageBytes && !chunk.subarray(0, chunk.length - (size - maxMessageBytes)).includes(0x0a)) {
        // More than any message of the lab, with no end in sight: kept no further, and cut off.
        ended = true;
        clearTimeout(pause);
        connection.message = Buffer.concat(received);
        connection.events.push({ kind: 'grader-closed', atMs: at() });
        socket.destroy();
        return;
      }
      if (chunk.includes(0x0a)) return endMessage('newline');
      clearTimeout(pause);
      pause = setTimeout(() => endMessage('pause'), this.options.lenientPauseMs);
    });
    socket.on('end', () => {
      connection.events.push({ kind: 'client-half-close', atMs: at() });
      endMessage('half-close');
    });
    socket.on('error', () => connection.events.push({ kind: 'client-reset', atMs: at() }));
    socket.on('close', () => {
      clearTimeout(pause);
      this.sockets.delete(socket);
    });
  }

  private respond(socket: net.Socket, connection: ClientConnection, at: () => number): void {
    const { behaviour } = this;
    if (behaviour.kind === 'silent' || socket.destroyed) return;
    if (behaviour.kind === 'close-without-reply') {
      connection.events.push({ kind: 'grader-closed', atMs: at() });
      socket.end();
      return;
    }
    const reply = Buffer.from(behaviour.reply(connection.message));
    connection.replied = true;
    if (behaviour.kind === 'answer') {
      connection.events.push(bytesEvent('send', at(), reply));
      socket.write(reply);
      this.closeAfterAnswer(socket, connection, at);
      return;
    }
    const [first, rest] = [reply.subarray(0, 1), reply.subarray(1)];
    connection.events.push(bytesEvent('send', at(), first));
    socket.write(first);
    setTimeout(() => {
      if (socket.destroyed) return;
      connection.events.push(bytesEvent('send', at(), rest));
      socket.write(rest);
      this.closeAfterAnswer(socket, connection, at);
    }, behaviour.pauseMs);
  }

  private closeAfterAnswer(socket: net.Socket, connection: ClientConnection, at: () => number): void {
    const close = () => {
      clearTimeout(timer);
      if (socket.destroyed || socket.writableEnded) return;
      connection.events.push({ kind: 'grader-closed', atMs: at() });
      socket.end();
    };
    let timer: NodeJS.Timeout | undefined;
    if (socket.localPort !== this.options.closeLastOn || socket.readableEnded) return close();
    timer = setTimeout(close, clientClosesFirstMs);
    socket.once('end', close);
    socket.once('close', () => clearTimeout(timer));
  }
}
