import { sharedWork, timeCheck, toResult, type SharedWork, type Timed } from '../check-result.ts';
import { getFreePort } from '../net/free-port.ts';
import { createRandom, seedFor } from '../random.ts';
import type { CheckResult } from '../result.ts';
import type { Rubric } from '../rubric.ts';
import { startServer, type ServerLaunch } from '../server/instance.ts';
import type { Timing } from '../server/timing.ts';
import type { LaunchCommand } from '../submission/command.ts';
import type { ClientCheck, ClientCheckContext, ClientScenario, ScenarioResult } from './check.ts';
import { clientChecks } from './checks/index.ts';
import { isStub } from './line-run.ts';
import { runClient } from './run-client.ts';
import { SetupError } from '../setup-error.ts';
import { performance } from 'node:perf_hooks';
import { ScriptedServer } from './scripted-server.ts';

// The scheduler of a client grade. The first check finds out whether the client uses the PORT
// it is given; if it does, every other check runs at once, each with a scripted server on a
// port of its own; if it connects to its hard-coded port instead, they take turns on that port.

export interface ClientGradeOptions {
  readonly command: LaunchCommand;
  readonly seed: number;
  readonly timing: Timing;
  readonly rubric: Rubric;
  readonly fixedPort: number;
  /** Resolves once nothing else of this grade uses the hard-coded port (the server part has ended). */
  readonly fixedPortFree: Promise<void>;
  /** The student's own server, for the end-to-end check. */
  readonly studentServer?: ServerLaunch;
  /** Whether the student's server listens on PORT, once the server grade knows. */
  readonly serverPortSource?: Promise<'env' | 'fixed' | undefined>;
}

// A client that sends neither "\n" nor a half-close is answered after this much silence.
const lenientPauseMs = 600;

export async function gradeClient(options: ClientGradeOptions): Promise<CheckResult[]> {
  const shared = sharedWork();
  const state = new PortState(options);
  const context = (check: ClientCheck) => createContext(check, options, shared, state);
  const outcomes = new Map<string, Timed>();
  const record = async (check: ClientCheck) => outcomes.set(check.id, await timeCheck(check.id, () => check.run(context(check))));
  const [first, ...rest] = clientChecks;
  if (first) {
    await record(first);
    const started = outcomes.get(first.id)?.outcome;
    const blocking = started?.diagnoses.some((code) => code === 'client-not-implemented' || code === 'client-no-connect');
    const notRun = (check: ClientCheck) => (check.pairsWithServer && !options.studentServer ? 'no-server-to-pair' : 'client-did-not-start');
    if (blocking) for (const check of rest) outcomes.set(check.id, { outcome: { diagnoses: [], skipped: notRun(check) }, durationMs: 0 });
    else if (state.source === 'env') await Promise.all(rest.map(record));
    else for (const check of rest) await record(check);
  }
  return clientChecks.map((check) => toResult(check, 'client', outcomes.get(check.id), options.rubric));
}

/** Which port the client connects to, and the turns on the hard-coded one. */
class PortState {
  source: 'env' | 'fixed' | undefined;
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly options: ClientGradeOptions) {}

  /** Runs `use` with the hard-coded port to itself, once the rest of the grade has let go of it. */
  async onFixedPort<T>(use: () => Promise<T>): Promise<T> {
    await this.options.fixedPortFree;
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await use();
    } finally {
      release();
    }
  }
}

async function playOn(ports: readonly number[], clientPort: number, scenario: ClientScenario, options: ClientGradeOptions): Promise<ScenarioResult> {
  const server = await ScriptedServer.listen(ports, scenario.behaviour, lenientPauseMs);
  try {
    const run = await runClient({
      command: options.command,
      port: clientPort,
      lines: scenario.lines,
      socketTimeoutSeconds: options.timing.socketTimeoutEnv,
      deadlineMs: scenario.deadlineMs,
    });
    return { run, connections: server.connections, port: clientPort };
  } finally {
    await server.close();
  }
}

function createContext(check: ClientCheck, options: ClientGradeOptions, shared: SharedWork, state: PortState): ClientCheckContext {
  const fixed = options.fixedPort;
  return {
    random: createRandom(seedFor(options.seed, check.id)),
    timing: options.timing,
    portSource: () => state.source ?? 'env',
    once: shared,
    async play(scenario) {
      const port = await getFreePort();
      if (state.source === 'fixed') return state.onFixedPort(() => playOn([fixed], port, scenario, options));
      const result = await playOn([port], port, scenario, options);
      if (state.source === 'env' || result.connections.length > 0 || isStub(result)) {
        state.source = 'env';
        return result;
      }
      // Nothing reached the port it was given: perhaps the client hard-codes the lab's port.
      const again = await state.onFixedPort(() =>
        playOn([fixed, port], port, scenario, options).catch((error: NodeJS.ErrnoException) => {
          // Something else holds the lab's port: most likely the student's own server, still running.
          if (error.code === 'EADDRINUSE') throw new SetupError({ kind: 'port-taken', port: fixed });
          return result;
        }),
      );
      state.source = again.connections.some((connection) => connection.port === fixed) ? 'fixed' : 'env';
      return again.connections.length > 0 ? again : result;
    },
    async playRefused(lines, deadlineMs) {
      const port = state.source === 'fixed' ? fixed : await getFreePort();
      const run = () => runClient({ command: options.command, port, lines, socketTimeoutSeconds: options.timing.socketTimeoutEnv, deadlineMs });
      const result = state.source === 'fixed' ? await state.onFixedPort(run) : await run();
      return { run: result, connections: [], port };
    },
    async playWithStudentServer(lines, deadlineMs) {
      const launch = options.studentServer;
      if (!launch) return undefined;
      const pair = async () => {
        // The server's own default idle timeout (10 s), also in a quick grade: the client may
        // take more than 2 s to start on a loaded machine, and the pair is not about the timeout.
        const started = await startServer({ ...launch, socketTimeoutSeconds: undefined }, {
          acceptFixedPort: true,
          fixedPortTaken: false,
          port: state.source === 'fixed' ? fixed : undefined,
        });
        if ('failure' in started) {
          return { run: { output: started.failure.output.slice(-12), stdout: '', stderr: '', durationMs: 0, startedAt: performance.now() }, connections: [], port: 0 };
        }
        try {
          const run = await runClient({ command: options.command, port: started.instance.port, lines, socketTimeoutSeconds: options.timing.socketTimeoutEnv, deadlineMs });
          return { run, connections: [], port: started.instance.port };
        } finally {
          await started.instance.program.stop();
        }
      };
      // Either part on a hard-coded port means this pair needs it too, once the server grade is done with it.
      const serverSource = await options.serverPortSource;
      return state.source === 'fixed' || serverSource === 'fixed' ? state.onFixedPort(pair) : pair();
    },
  };
}

