import net from 'node:net';

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

export async function connectToServer(port: number, timeoutMs: number): Promise<ConnectAttempt> {
  let last: ConnectAttempt = { failure: 'refused' };
  for (const host of loopbackHosts) {
    last = await connectOnce(host, port, timeoutMs);
    if (last.socket || last.failure === 'timeout') return last;
  }
  return last;
}
