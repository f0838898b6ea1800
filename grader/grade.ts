import { performance } from 'node:perf_hooks';
import { gradeClient } from './client/grade-client.ts';
import { randomSeed } from './random.ts';
import type { GradeResult, IsolationReport, Measurements } from './result.ts';
import type { OnProgress, ProgressSink } from './progress.ts';
import { weighCheck, type Rubric } from './rubric.ts';
import { score } from './score.ts';
import { gradeServer } from './server/grade-server.ts';
import type { ServerLaunch } from './server/instance.ts';
import { timingFor } from './server/timing.ts';
import { customLaunchCommand, findRuntimesEarly, languageOf, launchCommandFor, type LaunchCommand } from './submission/command.ts';
import { findSubmission } from './submission/find.ts';
import { TypeScriptBuilds } from './submission/typescript-build.ts';
import { listeningAmong } from './net/listening.ts';
import { OwnNetworks } from './net/own-network.ts';
import { PortLedger } from './net/port-ledger.ts';
import { detectIsolation } from './process/isolation.ts';
import type { StartGate } from './process/start-gate.ts';
import { sandboxLimits } from './sandbox/limits.ts';
import { removeLeftoverGroups } from './sandbox/program-cgroups.ts';
import { inPrivateNetwork } from './sandbox/private-network.ts';
import { requireSandbox } from './sandbox/support.ts';
import { SetupError } from './setup-error.ts';
import { selectChecks, type Selection } from './selection.ts';

// Grading one submission folder, from finding its files to the plain result data that the
// reporters render. The server and the client are graded at the same time; nothing here writes
// to the terminal or exits.

export const labPort = 12345;

export interface GradeOptions {
  readonly folder: string;
  readonly rubric: Rubric;
  readonly quick?: boolean;
  readonly seed?: number;
  /** The port a submission hard-codes instead of the lab's 12345. */
  readonly fixedPort?: number;
  /** An instructor's own command lines, instead of ones chosen by extension. */
  readonly serverCommand?: string;
  readonly clientCommand?: string;
  /** Programs the user named (--server, --client), instead of ones the grader finds; a command above still wins. */
  readonly serverFile?: string;
  readonly clientFile?: string;
  /** Every program in the sandbox; the grader must already run in its private network (the CLI sees to it). */
  readonly sandbox?: boolean;
  /** Shared by the grades of a class: how many programs may be starting at once. */
  readonly startGate?: StartGate;
  /**
   * false: every program in the machine's network. By default, programs on a hard-coded port
   * and the client's runs get networks of their own wherever the machine allows it (net/own-network.ts).
   */
  readonly ownNetworks?: false;
  /** Less than a whole grade (--only, --check). */
  readonly selection?: Selection;
  /** Told what runs and what is judged, as it happens (the live progress). */
  readonly onProgress?: OnProgress;
}

/** The schedulers' news as progress events; a finding is weighed as the result will weigh it. */
function progressSink(onProgress: OnProgress, rubric: Rubric): ProgressSink {
  return {
    started: (id, part) => onProgress({ kind: 'started', id, part, atMs: Date.now() }),
    judged: (finding) => onProgress({ kind: 'judged', check: { ...finding, ...weighCheck(rubric, finding.id, finding.tier, finding) }, atMs: Date.now() }),
    idleWait: (id, inMs) => onProgress({ kind: 'idle-wait', id, untilMs: Date.now() + inMs, atMs: Date.now() }),
  };
}

async function commandFor(file: string | undefined, custom: string | undefined, folder: string, run: { sandboxed: boolean; compiler: TypeScriptBuilds; startGate?: StartGate }): Promise<LaunchCommand | undefined> {
  const command = custom ? customLaunchCommand(custom, folder) : file ? await launchCommandFor(file, { compiler: run.compiler, submission: folder }) : undefined;
  return command && { ...command, sandboxed: run.sandboxed, startGate: run.startGate };
}

/**
 * Every program has been ended; a port one of them used that is still bound after a second
 * means something escaped (possible where programs only get a process group: macOS, Windows).
 */
async function portsStillBound(ports: readonly number[]): Promise<number[]> {
  const deadline = performance.now() + 1_000;
  let bound: readonly number[] = ports;
  while (bound.length > 0) {
    bound = await listeningAmong(bound);
    if (bound.length === 0 || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [...bound];
}

/** How this grade's programs are isolated; with --sandbox, refused before anything runs where it cannot be had. */
async function isolationFor(sandbox: boolean): Promise<IsolationReport> {
  if (!sandbox) return { kind: await detectIsolation() };
  const support = requireSandbox();
  if (!inPrivateNetwork()) throw new SetupError({ kind: 'sandbox-outside-private-network' });
  removeLeftoverGroups();
  return { kind: 'sandbox', runAsNobody: support.runAsNobody, limits: sandboxLimits, cgroupLimits: support.cgroupLimits };
}

export async function grade(options: GradeOptions): Promise<GradeResult> {
  const startedAt = performance.now();
  // Both started while the programs are found. Whether programs get PID namespaces is probed
  // first, as the first start waits for the answer (each start of a process holds the grader for
  // tens of milliseconds), and not at all in the sandbox, where no program runs without it; the
  // first network of their own is how the grader learns it can have them.
  if (!options.sandbox) void detectIsolation();
  const opening = options.ownNetworks === false ? Promise.resolve(undefined) : OwnNetworks.open();
  const builds = new TypeScriptBuilds();
  try {
    return await gradeWith(options, opening, builds, startedAt);
  } finally {
    builds.close();
    await (await opening)?.close();
  }
}

async function gradeWith(options: GradeOptions, opening: Promise<OwnNetworks | undefined>, builds: TypeScriptBuilds, startedAt: number): Promise<GradeResult> {
  const selected = selectChecks(options.selection);
  // The server is run for its own checks, and for a client check that pairs the two.
  const wanted = { server: selected.server.length > 0 || selected.pairs, client: selected.client.length > 0 };
  const parts = [...(options.serverCommand || !wanted.server ? [] : ['server' as const]), ...(options.clientCommand || !wanted.client ? [] : ['client' as const])];
  const submission = findSubmission(options.folder, parts, { server: options.serverFile, client: options.clientFile });
  findRuntimesEarly([options.serverCommand ? undefined : submission.server, options.clientCommand ? undefined : submission.client]);
  const run = { sandboxed: options.sandbox ?? false, compiler: builds, startGate: options.startGate };
  const [isolation, serverCommand, clientCommand] = await Promise.all([
    isolationFor(run.sandboxed),
    wanted.server ? commandFor(submission.server, options.serverCommand, submission.folder, run) : undefined,
    wanted.client ? commandFor(submission.client, options.clientCommand, submission.folder, run) : undefined,
  ]);
  const seed = options.seed ?? randomSeed();
  const timing = timingFor(options.quick ?? false);
  const fixedPort = options.fixedPort ?? labPort;
  const ports = new PortLedger();
  const progress = options.onProgress && progressSink(options.onProgress, options.rubric);
  options.onProgress?.({
    kind: 'planned',
    checks: [
      ...(serverCommand ? selected.server.map((check) => ({ id: check.id, part: 'server' as const })) : []),
      ...(clientCommand ? selected.client.map((check) => ({ id: check.id, part: 'client' as const })) : []),
    ],
  });
  const launch: ServerLaunch | undefined = serverCommand && {
    command: serverCommand,
    socketTimeoutSeconds: timing.socketTimeoutEnv,
    fixedPort,
    startTimeoutMs: timing.startTimeoutMs,
    ports,
  };
  let tellPortSource: (source: 'env' | 'fixed' | undefined) => void = () => undefined;
  const serverPortSource = new Promise<'env' | 'fixed' | undefined>((resolve) => (tellPortSource = resolve));
  const serverPart =
    launch && selected.server.length > 0
      ? gradeServer({ launch, seed, timing, onPortSource: tellPortSource, networks: opening, checks: selected.server, progress }).finally(() => tellPortSource(undefined))
      : Promise.resolve(tellPortSource(undefined));
  // The client's fallback to the hard-coded port waits until the server's copies have let go of it.
  const serverDone = serverPart.then(() => undefined, () => undefined);
  const clientPart = clientCommand
    ? opening.then((networks) => gradeClient({ command: clientCommand, seed, timing, fixedPort, fixedPortFree: serverDone, studentServer: launch, serverPortSource, networks, ports, checks: selected.client, progress }))
    : Promise.resolve([]);
  // Both parts end before anything is reported, also when one of them meets a setup problem.
  const [serverSettled, clientSettled] = await Promise.allSettled([serverPart, clientPart]);
  if (serverSettled.status === 'rejected') throw serverSettled.reason;
  if (clientSettled.status === 'rejected') throw clientSettled.reason;
  const [server, client] = [serverSettled.value, clientSettled.value];
  const portsLeftBound = [...new Set([...(await portsStillBound([...ports.used])), ...ports.leftBound])].sort((a, b) => a - b);
  const findings = [...(server?.findings ?? []), ...client];
  const analysis: Partial<Measurements> = server?.analysis ?? {};
  return {
    rubric: options.rubric.name,
    ...score(findings, options.rubric),
    seed,
    quick: timing.quick,
    idleTimeoutSeconds: timing.idleTimeoutMs / 1000,
    idleToleranceSeconds: timing.idleToleranceMs / 1000,
    submission: {
      folder: submission.folder,
      server: serverCommand?.label,
      client: clientCommand?.label,
      serverLanguage: serverCommand && languageOf(serverCommand),
      clientLanguage: clientCommand && languageOf(clientCommand),
      discovery: submission.discovery,
    },
    analysis,
    isolation,
    network: { copiesOnFixedPort: (await opening) ? 'own' : 'machine', notes: ports.notes },
    portsLeftBound,
    durationMs: Math.round(performance.now() - startedAt),
    ...(options.selection === undefined ? {} : { selection: options.selection }),
  };
}
