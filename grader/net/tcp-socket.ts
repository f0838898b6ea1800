// One TCP socket as the grader reads it from the system's tables: the kernel's under /proc on
// Linux (tcp-table.ts), netstat's elsewhere (netstat-table.ts).

export type TcpState =
  | 'established'
  | 'syn-sent'
  | 'syn-received'
  | 'fin-wait-1'
  | 'fin-wait-2'
  | 'time-wait'
  | 'closed'
  | 'close-wait'
  | 'last-ack'
  | 'listen'
  | 'closing';

export interface TcpSocket {
  readonly localPort: number;
  readonly remotePort: number;
  readonly state: TcpState;
  /** '0' when no program holds the socket any more (closed, or never accepted); undefined where netstat listed it. */
  readonly inode: string | undefined;
}
