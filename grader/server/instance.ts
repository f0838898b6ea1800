import { getFreePort } from '../net/free-port.ts';
import { canSeeListeningSockets, isListening, portsListenedBy } from '../net/listening.ts';
import { portsListenedByTool } from '../net/listener-tools.ts';
import { machineNetwork, type Network } from '../net/network.ts';
import type { OwnNetworks } from '../net/own-network.ts';
import type { PortLedger } from '../net/port-ledger.ts';
import { readTcpTable } from '../net/tcp-table.ts';
import type { OutputLine } from '../process/output.ts';
import { startProgram, type Program, type ProgramExit } from '../process/program.ts';
import type { LaunchCommand } from '../submission/command.ts';
import { programEnvironment } from '../submission/environment.ts';
import { stubMarker } from '../submission/stub.ts';

// Starting one copy of the student's server on a free port and waiting until it listens:
// on the port it was given (PORT), or else on the port it hard-codes (12345, or --port). A copy
// runs in the machine's network or, for a server that hard-codes its port, in a network of its
// own (net/own-network.ts).

export interface ServerLaunch {
  readonly command: LaunchCommand;
  /** Undefined in a full grade: the program's own default (10 s) is what is graded. */
  readonly socketTimeoutSeconds?: number;
  readonly fixedPort: number;
  readonly startTimeoutMs: number;
  /** The grade's ports: every one a copy listened on must be free again after the grade. */
  readonly ports: PortLedger;
}

export type PortSource = 'env' | 'fixed';

export interface ServerInstance {
  readonly program: Program;
  readonly port: number;
  readonly portSource: PortSource;
  /** Milliseconds from spawning to listening. */
  readonly startupMs: number;
  /** Where the copy runs, and where the grader talks to it. */
  readonly network: Network;
}

export type StartFailure =
  | { readonly kind: 'exited'; readonly exit: ProgramExit; readonly output: readonly OutputLine[]; readonly stub: boolean }
  | { readonly kind: 'not-listening'; readonly output: readonly OutputLine[] }
  /** The hard-coded port stayed held by connections in TIME_WAIT for longer than the grader waits. */
  | { readonly kind: 'time-wait'; readonly port: number; readonly output: readonly OutputLine[] };

export type StartResult = { readonly instance: ServerInstance } | { readonly failure: StartFailure };

const firstPollMs = 10;
const lastPollMs = 50;
export const addressInUse = /EADDRINUSE|address already in use/i;
// Node's "listen EADDRINUSE: address already in use 127.0.0.1:12345".
const addressInUseOn = /EADDRINUSE\b.*:(\d+)\s*$/;

export function failedOnAddressInUse(result: StartResult): boolean {
  return 'failure' in result && result.failure.output.some((line) => addressInUse.test(line.text));
}

export interface StartOptions {
  /** Accept the hard-coded port: false once another copy of the server holds it. */
  readonly acceptFixedPort: boolean;
  /** Something else already listened on the fixed port before this server started. */
  readonly fixedPortTaken: boolean;
  /** Gives up on the start (the program is stopped) when aborted. */
  readonly signal?: AbortSignal;
  /** The port to pass in PORT; a free one when not given. */
  readonly port?: number;
  /** Runs the copy in a network of its own, taken from these. */
  readonly ownNetwork?: OwnNetworks;
  /** In the machine's network: when only connections in TIME_WAIT hold the hard-coded port, wait them out. */
  readonly waitOutTimeWait?: boolean | Promise<boolean>;
}

export async function startServer(launch: ServerLaunch, options: StartOptions): Promise<StartResult> {
  if (options.ownNetwork) return startInOwnNetwork(launch, options, options.ownNetwork);
  const first = await startOnce(launch, options, machineNetwork);
  if (!failedOnAddressInUse(first)) return first;
  // Node names the port it could not bind; Python does not, and then the hard-coded port is the likely one.
  const named = 'failure' in first ? first.failure.output.map((line) => addressInUseOn.exec(line.text)?.[1]).find(Boolean) : undefined;
  const onFixedPort = named === undefined || Number(named) === launch.fixedPort;
  if (onFixedPort && (await options.waitOutTimeWait) && (await launch.ports.waitOutTimeWait(launch.fixedPort, options.signal)) === 'outlasted') {
    return { failure: { kind: 'time-wait', port: launch.fixedPort, output: 'failure' in first ? first.failure.output : [] } };
  }
  // Another process may take the chosen port between choosing and binding: try once more.
  return startOnce(launch, options, machineNetwork);
}

async function startInOwnNetwork(launch: ServerLaunch, options: StartOptions, networks: OwnNetworks): Promise<StartResult> {
  const network = await networks.next();
  const result = await startOnce(launch, options, network);
  if ('failure' in result) await network.close();
  return result;
}

async function startOnce(launch: ServerLaunch, options: StartOptions, network: Network): Promise<StartResult> {
  const port = options.port ?? (await getFreePort());
  const env = programEnvironment({ port, host: '127.0.0.1', socketTimeoutSeconds: launch.socketTimeoutSeconds });
  const { command, args, cwd, sandboxed, mounts, startGate } = launch.command;
  const program = await startProgram({ command, args, cwd, env, sandboxed, mounts, network, startGate });
  const ownersVisible = canSeeListeningSockets(network);
  const deadline = program.startedAt + launch.startTimeoutMs;
  // Often at first, when a start is most likely to end; less often for a slow one.
  for (let interval = firstPollMs; performance.now() < deadline && !options.signal?.aborted; interval = Math.min(lastPollMs, interval * 1.25)) {
    const found = await findListeningPort(program, port, launch.fixedPort, options, ownersVisible, network);
    if (found) {
      program.started();
      if (network.kind === 'machine') launch.ports.used.add(found.port);
      return { instance: { program, ...found, startupMs: program.elapsedMs(), network } };
    }
    const exit = await program.waitForExit(interval);
    if (exit) {
      await program.stop();
      const output = program.output.lines;
      return { failure: { kind: 'exited', exit, output, stub: output.some((line) => stubMarker.test(line.text)) } };
    }
  }
  await program.stop();
  return { failure: { kind: 'not-listening', output: program.output.lines } };
}

/** Ends a copy and everything it started; a copy's own network goes with it. */
export async function stopServer(instance: ServerInstance, ports: PortLedger): Promise<void> {
  await instance.program.stop();
  if (instance.network.kind === 'machine') return;
  // Nothing but the copy listened in its network: a port still bound there is held by something that escaped.
  for (const socket of readTcpTable(instance.network.procNet) ?? []) if (socket.state === 'listen') ports.leftBound.add(socket.localPort);
  await instance.network.close();
}

/**
 * Where the program listens: on the port it was given, or (when that is accepted) on one it
 * hard-codes. Where the system shows which process owns a socket, only this program's own
 * sockets count, so that another grade's server on 12345 is never taken for this one.
 */
async function findListeningPort(
  program: Program,
  port: number,
  fixedPort: number,
  options: StartOptions,
  ownersVisible: boolean,
  network: Network,
): Promise<{ port: number; portSource: PortSource } | undefined> {
  // The kernel's tables, or else the system's tools (lsof, netstat), where they can be had.
  const owned = ownersVisible ? portsListenedBy(program.pid) : await portsListenedByTool(program.pid);
  if (owned !== undefined) {
    if (owned.includes(port)) return { port, portSource: 'env' };
    const other = options.acceptFixedPort ? owned[0] : undefined;
    return other === undefined ? undefined : { port: other, portSource: 'fixed' };
  }
  // Nothing tells who listens: a short connection, which the program sees as a silent client.
  if (await isListening(port, network)) return { port, portSource: 'env' };
  const watchFixed = options.acceptFixedPort && !options.fixedPortTaken && fixedPort !== port;
  return watchFixed && (await isListening(fixedPort, network)) ? { port: fixedPort, portSource: 'fixed' } : undefined;
}
