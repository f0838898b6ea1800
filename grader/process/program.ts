import { performance } from 'node:perf_hooks';
import { execa, type ResultPromise } from 'execa';
import { OutputCapture } from './output.ts';
import { forgetProgram, rememberProgram } from './registry.ts';
import { isolatedCommand } from './isolation.ts';
import { killProcessTree } from './kill-tree.ts';
import type { StartGate } from './start-gate.ts';
import type { Network } from '../net/network.ts';
import type { ProgramCgroups } from '../sandbox/program-cgroups.ts';
import { unwatchCgroups, unwatchGroup, watchCgroups, watchGroup } from './reaper.ts';

// One started program (a submission's server or client). It runs isolated (isolation.ts) so
// that it and whatever it starts end together, and nothing here ever waits for its pipes to
// close: a grandchild may hold them open forever, so only the exit event and deadlines count.

export interface ProgramSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  readonly stdin?: 'ignore' | 'pipe';
  /** Run inside the --sandbox (bubblewrap, limits, the user nobody). */
  readonly sandboxed?: boolean;
  /** Folders of the grader's own it reads: mounted read-only in the sandbox. */
  readonly mounts?: readonly string[];
  /** The network it runs in: the machine's unless given one of its own. */
  readonly network?: Network;
  /** Shared by the grades of a class: when it may start. */
  readonly startGate?: StartGate;
}

export interface ProgramExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** Milliseconds since the program was started. */
  readonly atMs: number;
  /** Set when the program could not be started at all (for example, no such command). */
  readonly spawnError?: string;
  /** The sandbox's limits it ran into (--sandbox only). */
  readonly limitsHit?: readonly SandboxLimit[];
}

export type SandboxLimit = 'memory' | 'processes' | 'cpu-time';

// RLIMIT_CPU ends a process with SIGXCPU; bubblewrap reports that as 128 + 24.
const cpuTimeExitCode = 152;

export class Program {
  readonly startedAt = performance.now();
  readonly output = new OutputCapture(() => this.elapsedMs());
  readonly exited: Promise<ProgramExit>;
  exit: ProgramExit | undefined;
  private readonly subprocess: ResultPromise;
  private readonly outputDrained: Promise<unknown>;
  private readonly cgroups: ProgramCgroups | undefined;
  private readonly afterEnd: (() => void) | undefined;

  constructor(readonly spec: ProgramSpec) {
    const isolated = isolatedCommand(spec);
    // Joining the network comes first: every wrapper after it, and the program, run inside.
    const [command, ...args] = [...(spec.network?.entry ?? []), isolated.command, ...isolated.args] as [string, ...string[]];
    const cgroups = isolated.cgroups;
    this.cgroups = cgroups;
    this.afterEnd = isolated.afterEnd;
    // Before the program starts: a grader killed between starting it and noting its process
    // group still leaves the watcher the cgroups, which the program joins first thing.
    if (cgroups) watchCgroups(cgroups.directories);
    this.subprocess = execa(command, args, {
      cwd: spec.cwd,
      env: { ...spec.env },
      extendEnv: false,
      detached: process.platform !== 'win32',
      cleanup: false,
      buffer: false,
      reject: false,
      stdin: spec.stdin ?? 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
      windowsHide: true,
    });
    // execa's own promise settles only once every pipe has closed; it is observed, never awaited.
    this.subprocess.catch(() => undefined);
    rememberProgram(this);
    watchGroup(this.subprocess.pid);
    this.subprocess.stdout?.on('data', (chunk: Buffer) => this.output.write('stdout', chunk));
    this.subprocess.stderr?.on('data', (chunk: Buffer) => this.output.write('stderr', chunk));
    this.subprocess.stdin?.on('error', () => undefined);
    this.outputDrained = Promise.all(
      [this.subprocess.stdout, this.subprocess.stderr].map(
        (stream) => new Promise((resolve) => (stream ? stream.once('close', resolve) : resolve(undefined))),
      ),
    );
    this.exited = new Promise((resolve) => {
      const settle = (exit: Omit<ProgramExit, 'atMs'>) => {
        if (this.exit) return;
        this.exit = { ...exit, atMs: this.elapsedMs() };
        resolve(this.exit);
      };
      this.subprocess.on('exit', (code, signal) => {
        const limitsHit: SandboxLimit[] = [...(this.cgroups?.limitsHit() ?? []), ...(spec.sandboxed && code === cpuTimeExitCode ? ['cpu-time' as const] : [])];
        settle({ code, signal, ...(limitsHit.length > 0 ? { limitsHit } : {}) });
      });
      this.subprocess.on('error', (error) => settle({ code: null, signal: null, spawnError: error.message }));
    });
  }

  /** Tells the start gate the program is up (listening, say) before it printed anything. */
  started: () => void = () => undefined;

  get pid(): number | undefined {
    return this.subprocess.pid;
  }

  get stdin(): NodeJS.WritableStream | null {
    return this.subprocess.stdin;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Resolves with the exit if the program ends within `timeoutMs`, otherwise with undefined. */
  async waitForExit(timeoutMs: number): Promise<ProgramExit | undefined> {
    if (this.exit) return this.exit;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last lines may still be in the pipes after the exit; a grandchild holding them open must not stall us. */
  async waitForOutputDrained(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.outputDrained, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Ends the program and everything it started. Safe to call more than once. */
  async stop(): Promise<void> {
    this.killNow();
    await this.waitForExit(2_000);
    await this.waitForOutputDrained(200);
    this.output.finish();
    for (const stream of [this.subprocess.stdin, this.subprocess.stdout, this.subprocess.stderr]) stream?.destroy();
    if (this.cgroups) {
      const directories = [...this.cgroups.directories];
      await this.cgroups.release();
      // What could not be removed yet stays with the watcher.
      unwatchCgroups(directories.filter((directory) => !this.cgroups?.directories.includes(directory)));
    }
    this.afterEnd?.();
    forgetProgram(this);
    unwatchGroup(this.pid);
  }

  /** For process exit and signal handlers, where nothing asynchronous can run any more. */
  killNow(): void {
    killProcessTree(this.pid);
    this.cgroups?.killMembers();
  }
}

/** Starts the program, once the start gate (if any) lets it; it keeps its place until the program shows a sign of life. */
export async function startProgram(spec: ProgramSpec): Promise<Program> {
  const leave = await spec.startGate?.enter();
  const program = new Program(spec);
  if (leave) {
    const unlisten = program.output.onLine(() => {
      unlisten();
      leave();
    });
    void program.exited.then(leave);
    program.started = leave;
  }
  return program;
}
