import { getFreePort } from '../net/free-port.ts';
import { canSeeListeningSockets, isListening, portsListenedBy } from '../net/listening.ts';
import type { OutputLine } from '../process/output.ts';
import { startProgram, type Program, type ProgramExit } from '../process/program.ts';
import type { LaunchCommand } from '../submission/command.ts';
import { programEnvironment } from '../submission/environment.ts';

// Starting one copy of the student's server on a free port and waiting until it listens:
// on the port it was given (PORT), or else on the port it hard-codes (12345, or --port).

export interface ServerLaunch {
  readonly command: LaunchCommand;
  /** Undefined in a full grade: the program's own default (10 s) is what is graded. */
  readonly socketTimeoutSeconds?: number;
  readonly fixedPort: number;
  readonly startTimeoutMs: number;
  /** Every port a copy of the server listened on: after the grade, each must be free again. */
  readonly portsUsed: Set<number>;
}

export type PortSource = 'env' | 'fixed';

export interface ServerInstance {
  readonly program: Program;
  readonly port: number;
  readonly portSource: PortSource;
  /** Milliseconds from spawning to listening. */
  readonly startupMs: number;
}

export type StartFailure =
  | { readonly kind: 'exited'; readonly exit: ProgramExit; readonly output: readonly OutputLine[]; readonly stub: boolean }
  | { readonly kind: 'not-listening'; readonly output: readonly OutputLine[] };

export type StartResult = { readonly instance: ServerInstance } | { readonly failure: StartFailure };

const pollIntervalMs = 10;
// What the kit's stubs print; a submission that still prints it has not been started on.
const stubMarker = /not implemented/i;
export const addressInUse = /EADDRINUSE|address already in use/i;

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
}

export async function startServer(launch: ServerLaunch, options: StartOptions): Promise<StartResult> {
  const first = await startOnce(launch, options);
  // Another process may take the chosen port between choosing and binding: try once more.
  if (failedOnAddressInUse(first)) return startOnce(launch, options);
  return first;
}

async function startOnce(launch: ServerLaunch, options: StartOptions): Promise<StartResult> {
  const port = options.port ?? (await getFreePort());
  const env = programEnvironment({ port, host: '127.0.0.1', socketTimeoutSeconds: launch.socketTimeoutSeconds });
  const { command, args, cwd, sandboxed } = launch.command;
  const program = startProgram({ command, args, cwd, env, sandboxed });
  const ownersVisible = canSeeListeningSockets();
  const deadline = program.startedAt + launch.startTimeoutMs;
  while (performance.now() < deadline && !options.signal?.aborted) {
    const found = await findListeningPort(program, port, launch.fixedPort, options, ownersVisible);
    if (found) {
      launch.portsUsed.add(found.port);
      return { instance: { program, ...found, startupMs: program.elapsedMs() } };
    }
    const exit = await program.waitForExit(pollIntervalMs);
    if (exit) {
      await program.stop();
      const output = program.output.lines;
      return { failure: { kind: 'exited', exit, output, stub: output.some((line) => stubMarker.test(line.text)) } };
    }
  }
  await program.stop();
  return { failure: { kind: 'not-listening', output: program.output.lines } };
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
): Promise<{ port: number; portSource: PortSource } | undefined> {
  if (ownersVisible) {
    const owned = portsListenedBy(program.pid);
    if (owned.includes(port)) return { port, portSource: 'env' };
    const other = options.acceptFixedPort ? owned[0] : undefined;
    return other === undefined ? undefined : { port: other, portSource: 'fixed' };
  }
  if (await isListening(port)) return { port, portSource: 'env' };
  const watchFixed = options.acceptFixedPort && !options.fixedPortTaken && fixedPort !== port;
  return watchFixed && (await isListening(fixedPort)) ? { port: fixedPort, portSource: 'fixed' } : undefined;
}
