import { performance } from 'node:perf_hooks';
import type { Network } from '../net/network.ts';
import type { OutputLine } from '../process/output.ts';
import { startProgram, type Program, type ProgramExit } from '../process/program.ts';
import type { LaunchCommand } from '../submission/command.ts';
import { programEnvironment } from '../submission/environment.ts';

// Running the student's client once: the lines it is given on standard input (then the end of
// input), the port it is told to use, and a deadline after which it counts as hanging and is
// ended with everything it started.

export interface ClientRun {
  /** Undefined when the client was still running at the deadline. */
  readonly exit?: ProgramExit;
  readonly output: readonly OutputLine[];
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** performance.now() when the client was started, to relate its times to the grader's. */
  readonly startedAt: number;
}

export interface ClientRunOptions {
  readonly command: LaunchCommand;
  readonly port: number;
  readonly lines: readonly string[];
  readonly socketTimeoutSeconds?: number;
  readonly deadlineMs: number;
  /** Where it runs: the machine's network unless given one of its own. */
  readonly network?: Network;
  /** An earlier end: this long after its first connection (performance.now() time), if it came. */
  readonly afterConnect?: { readonly connectedAt: () => number | undefined; readonly patienceMs: number };
  /** Ends the run at once: its result is no longer wanted. */
  readonly signal?: AbortSignal;
}

/** Its exit, or undefined at the deadline, or once it has had its patience after connecting, or once the run is called off. */
async function waitForEnd(program: Program, options: ClientRunOptions): Promise<ProgramExit | undefined> {
  const { afterConnect, signal } = options;
  const deadline = performance.now() + options.deadlineMs;
  for (;;) {
    const connectedAt = afterConnect?.connectedAt();
    const end = Math.min(deadline, afterConnect && connectedAt !== undefined ? connectedAt + afterConnect.patienceMs : Infinity);
    const left = end - performance.now();
    if (left <= 0 || signal?.aborted) return program.exit;
    const exit = await program.waitForExit(Math.min(left, 100));
    if (exit) return exit;
  }
}

export async function runClient(options: ClientRunOptions): Promise<ClientRun> {
  const env = programEnvironment({ port: options.port, host: '127.0.0.1', socketTimeoutSeconds: options.socketTimeoutSeconds });
  const { command } = options;
  const program = await startProgram({ ...command, env, stdin: 'pipe', network: options.network });
  program.stdin?.end(options.lines.map((line) => `${line}\n`).join(''));
  const exit = await waitForEnd(program, options);
  await program.stop();
  const output = [...program.output.lines];
  const text = (stream: OutputLine['stream']) => output.filter((line) => line.stream === stream).map((line) => line.text).join('\n');
  return { exit, output, stdout: text('stdout'), stderr: text('stderr'), durationMs: Math.round(program.elapsedMs()), startedAt: program.startedAt };
}

const stackTrace = [/^Traceback \(most recent call last\):/m, /^\s+at\s.+:\d+:\d+\)?\s*$/m];

/** A Python traceback or a JavaScript stack: what a student should never show a user. */
export function hasStackTrace(run: ClientRun): boolean {
  return stackTrace.some((pattern) => pattern.test(`${run.stderr}\n${run.stdout}`));
}

/** Whether `n` appears in the text as a number of its own (not as part of a longer one). */
export function printsNumber(text: string, n: number): boolean {
  return new RegExp(`(^|\\D)${n}(\\D|$)`).test(text);
}
