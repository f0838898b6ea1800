import type net from 'node:net';
import type { Network } from './network.ts';

// 127.0.0.1 first, then ::1: a Node server told to listen on 'localhost' may bind only ::1,
// and this is the one order that reached every bind variant under every hosts file.
const loopbackHosts = ['127.0.0.1', '::1'] as const;

export interface ConnectAttempt {
  readonly socket?: net.Socket;
  readonly host?: string;
  /** 'refused' when nothing listens on either address, 'timeout' when connecting took too long. */
  readonly failure?: 'refused' | 'timeout' | 'error';
  readonly errorCode?: string;
}

export async function connectToServer(port: number, timeoutMs: number, network: Network): Promise<ConnectAttempt> {
  let last: ConnectAttempt = { failure: 'refused' };
  for (const host of loopbackHosts) {
    last = await network.connectOnce(host, port, timeoutMs);
    if (last.socket || last.failure === 'timeout') return last;
  }
  return last;
}
