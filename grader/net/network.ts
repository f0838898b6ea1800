import net from 'node:net';
import type { ConnectAttempt } from './connect.ts';
import { ownProcNet } from './tcp-table.ts';
import { usesLinuxWays } from '../platform.ts';

// Where a program runs and the grader meets it: the machine's own network, or a network
// namespace of the program's copy alone (own-network.ts), where its port cannot clash with
// anything else on the machine and connections it leaves in TIME_WAIT disappear with it.

export interface ListenOptions {
  readonly allowHalfOpen: boolean;
  readonly noDelay: boolean;
}

/** A listening socket of the grader's, inside some network. */
export interface Listener {
  close(): Promise<void>;
}

export interface Network {
  readonly kind: 'machine' | 'own';
  /** Where the kernel's socket tables of this network are; undefined where there are none to read. */
  readonly procNet: string | undefined;
  /** Command words put before a program's own, so that it runs inside this network. */
  readonly entry: readonly string[];
  /** One connection attempt from inside this network. */
  connectOnce(host: string, port: number, timeoutMs: number): Promise<ConnectAttempt>;
  /** Listens inside this network; rejects (code EADDRINUSE, …) when it cannot. */
  listen(host: string, port: number, options: ListenOptions, onConnection: (socket: net.Socket) => void): Promise<Listener>;
  close(): Promise<void>;
}

function connectOnce(host: string, port: number, timeoutMs: number): Promise<ConnectAttempt> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, allowHalfOpen: true, noDelay: true });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ failure: 'timeout' });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve({ socket, host });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ failure: error.code === 'ECONNREFUSED' ? 'refused' : 'error', errorCode: error.code });
    });
  });
}

function listen(host: string, port: number, options: ListenOptions, onConnection: (socket: net.Socket) => void): Promise<Listener> {
  const server = net.createServer(options, onConnection);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve({ close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

export const machineNetwork: Network = {
  kind: 'machine',
  procNet: usesLinuxWays() ? ownProcNet : undefined,
  entry: [],
  connectOnce,
  listen,
  close: async () => undefined,
};
