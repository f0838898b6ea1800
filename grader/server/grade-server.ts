import { createRandom, seedFor } from '../random.ts';
import type { OutputLine } from '../process/output.ts';
import type { CheckFinding, CheckOutcome, Evidence, Measurements } from '../result.ts';
import { analyse } from './analysis.ts';
import { sharedWork, timeCheck, toFinding, type SharedWork, type Timed } from '../check-result.ts';
import type { OwnNetworks } from '../net/own-network.ts';
import { silentProgress, type ProgressSink } from '../progress.ts';
import { portOwner } from '../net/port-ledger.ts';
import { SetupError } from '../setup-error.ts';
import type { ServerCheck, ServerCheckContext } from './check.ts';
import { serverChecks } from './checks/index.ts';
import { addressInUse, type ServerLaunch } from './instance.ts';
import { outcomeOfStartFailure } from './start-failure.ts';
import { ServerSession, ServerUnavailable } from './session.ts';
import type { Timing } from './timing.ts';

// The scheduler of a server grade: the first check starts the server, the 'own' checks start
// their copies and run alongside, the 'shared' ones take the shared server in turn; then every
// copy is stopped, whatever happened.

export interface ServerGradeOptions {
  readonly launch: ServerLaunch;
  /** Each check draws its messages from its own generator, seeded from this and its id, so that
   * a seed repeats every message whatever order the concurrent checks happen to run in. */
  readonly seed: number;
  readonly timing: Timing;
  readonly checks?: readonly ServerCheck[];
  /** Told once whether the server listens on PORT or on a port of its own (undefined: it did not start). */
  readonly onPortSource?: (source: 'env' | 'fixed' | undefined) => void;
  /** Networks of their own for copies on a hard-coded port, where the machine can give them. */
  readonly networks: Promise<OwnNetworks | undefined>;
  /** Told of each check as it starts and as it is judged, for the live progress. */
  readonly progress?: ProgressSink;
}

export interface ServerGrade {
  readonly findings: CheckFinding[];
  readonly analysis: Partial<Measurements>;
}


export async function gradeServer(options: ServerGradeOptions): Promise<ServerGrade> {
  const { quick } = options.timing;
  const applies = (check: ServerCheck) => (quick ? !check.fullOnly : !check.quickOnly);
  const checks = options.checks ?? serverChecks;
  const progress = options.progress ?? silentProgress;
  const outcomes = new Outcomes(checks, progress);
  for (const check of checks.filter((check) => !applies(check))) {
    outcomes.set(check.id, { outcome: { diagnoses: [], skipped: quick ? 'full-grade-only' : 'quick-mode-only' }, durationMs: 0 });
  }
  // A spare copy for each own check, started with the shared server: the own checks are the
  // longest (each waits out an idle timeout), so their copies must not wait for the first check.
  const spares = checks
    .filter((check) => applies(check) && check.runsOn === 'own' && check.startsServer !== false)
    .map((check) => ({ checkId: check.id, beforeShared: check.copyStartsFirst === true }));
  const session = new ServerSession(options.launch, spares, options.timing.crashWatchMs, options.networks);
  const shared = sharedWork();
  const context = (check: ServerCheck) => createContext(session, options, check, shared, (id) => outcomes.get(id)?.outcome, progress);
  const run = async () => {
    const [first, ...rest] = checks.filter(applies);
    if (!first) return;
    const started = await runCheck(first, context(first), session, progress);
    options.onPortSource?.(session.portSource);
    outcomes.set(first.id, started);
    if (started.outcome.diagnoses.length > 0 || started.outcome.skipped) {
      if (!(await options.networks)) rejectTakenPort(session, started.outcome);
      for (const check of rest) outcomes.set(check.id, { outcome: { diagnoses: [], skipped: 'server-did-not-start' }, durationMs: 0 });
    } else {
      await runRest(rest, context, session, outcomes, progress);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  let settled: ReadonlyMap<string, Timed> = outcomes.all;
  try {
    await Promise.race([run(), new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timing.runDeadlineMs)))]);
  } finally {
    clearTimeout(timer);
    // Checks still running at the deadline are reported as not run ('run-deadline'), not judged
    // on the servers being stopped under them.
    settled = new Map(outcomes.all);
    await session.stopAll();
  }
  const stub = session.stubLine();
  const findings = checks.map((check) => toFinding(check, 'server', withStubLines(settled.get(check.id), stub)));
  const measurements = [...settled.values()].map((timed) => timed.outcome.measurements ?? {});
  return { findings, analysis: analyse(findings, measurements, session.restarts) };
}

/**
 * A server that works but still has the stub's last lines ends with exit status 1 when it
 * stops: that "crash" is said to come from them, with the stub's line shown.
 */
function withStubLines(timed: Timed | undefined, stub: OutputLine | undefined): Timed | undefined {
  if (!timed || !stub || !timed.outcome.diagnoses.includes('crashed')) return timed;
  const { outcome } = timed;
  const output = outcome.output ?? [];
  return {
    ...timed,
    outcome: {
      ...outcome,
      // It did not end with an error of its own: the stub's line set its exit status.
      evidence: [{ key: 'stub-lines-left' }, ...(outcome.evidence ?? []).filter((e) => e.key !== 'idle-crashed')],
      output: output.includes(stub) ? output : [stub, ...output],
    },
  };
}

/** The outcomes so far, each told to the live progress as it is recorded. */
class Outcomes {
  readonly all = new Map<string, Timed>();
  constructor(
    private readonly checks: readonly ServerCheck[],
    private readonly progress: ProgressSink,
  ) {}
  get(id: string): Timed | undefined {
    return this.all.get(id);
  }
  set(id: string, timed: Timed): void {
    this.all.set(id, timed);
    const check = this.checks.find((c) => c.id === id);
    if (check) this.progress.judged(toFinding(check, 'server', timed));
  }
}

async function runRest(
  checks: readonly ServerCheck[],
  context: (check: ServerCheck) => ServerCheckContext,
  session: ServerSession,
  outcomes: Outcomes,
  progress: ProgressSink,
) {
  const record = (check: ServerCheck) => runCheck(check, context(check), session, progress).then((timed) => outcomes.set(check.id, timed));
  const shared = checks.filter((check) => check.runsOn === 'shared');
  const own = checks.filter((check) => check.runsOn === 'own');
  // A server on its hard-coded port in the machine's network can have one copy at a time: the
  // own checks then wait their turn.
  const alongside = session.copiesRunAlongside ? own.map(record) : [];
  for (const check of shared) await record(check);
  if (!session.copiesRunAlongside) {
    await session.stopShared();
    await Promise.all(own.map(record));
  }
  await Promise.all(alongside);
}

async function runCheck(check: ServerCheck, context: ServerCheckContext, session: ServerSession, progress: ProgressSink): Promise<Timed> {
  progress.started(check.id, 'server');
  const [restartsBefore, resendsBefore] = [session.restarts, session.resends];
  const onError = (error: unknown) => (error instanceof ServerUnavailable ? outcomeOfStartFailure(error.failure, context.timing) : undefined);
  const timed = await timeCheck(check.id, () => check.run(context), onError);
  const resent = check.runsOn === 'shared' && session.resends > resendsBefore;
  const restarted = check.runsOn === 'shared' && session.restarts - restartsBefore > session.resends - resendsBefore;
  const notes: Evidence[] = [...(restarted ? [{ key: 'server-restarted' as const }] : []), ...(resent ? [{ key: 'message-resent' as const }] : [])];
  return notes.length === 0 ? timed : { ...timed, outcome: { ...timed.outcome, evidence: [...notes, ...(timed.outcome.evidence ?? [])] } };
}

/**
 * A server that could not start because another program listens on its hard-coded port is a
 * setup problem, where its copies cannot have networks of their own. Connections in TIME_WAIT
 * never make a port taken: only a listener does.
 */
function rejectTakenPort(session: ServerSession, outcome: CheckOutcome): void {
  if (!session.fixedPortWasTaken) return;
  // Only a program that said so: one that never listens at all is not-listening, whatever holds the port.
  if (outcome.output?.some((line) => addressInUse.test(line.text))) {
    const port = session.fixedPort;
    throw new SetupError({ kind: 'port-taken', port, owner: portOwner(port) });
  }
}


function createContext(
  session: ServerSession,
  options: ServerGradeOptions,
  check: ServerCheck,
  shared: SharedWork,
  earlierFinding: (checkId: string) => CheckOutcome | undefined,
  progress: ProgressSink,
): ServerCheckContext {
  return {
    random: createRandom(seedFor(options.seed, check.id)),
    timing: options.timing,
    firstStart: () => session.startShared(),
    sharedServer: () => session.sharedServer(),
    withOwnServer: (use) => session.withOwnServer(check.id, use),
    exchange: (server, script) => session.exchange(server, script),
    exchangeWithShared: (script) => session.exchangeWithShared(script),
    once: shared,
    sharedHistory: () => session.sharedHistory(),
    earlierFinding,
    awaitingIdleTimeout: (inMs) => progress.idleWait(check.id, inMs),
  };
}
