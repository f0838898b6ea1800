import { sharedWork, timeCheck, toFinding, type SharedWork, type Timed } from '../check-result.ts';
import { createRandom, seedFor } from '../random.ts';
import { silentProgress, type ProgressSink } from '../progress.ts';
import type { CheckFinding } from '../result.ts';
import type { ClientCheck, ClientCheckContext } from './check.ts';
import { clientChecks } from './checks/index.ts';
import { ClientSession, type ClientSessionOptions } from './session.ts';

// The scheduler of a client grade. The first check finds out whether the client uses the PORT
// it is given; then the others run at once, unless the client hard-codes its port in the
// machine's network, where they take turns on that port (session.ts). In networks of their own
// a run does not depend on that answer: the checks that wait out the client's timeout, the
// longest, start with the first, and are called off if it finds no client to grade.

export interface ClientGradeOptions extends ClientSessionOptions {
  readonly seed: number;
  /** The checks to run, the first being every other one's prerequisite (selection.ts); all by default. */
  readonly checks?: readonly ClientCheck[];
  /** Told of each check as it starts and as it is judged, for the live progress. */
  readonly progress?: ProgressSink;
}

export async function gradeClient(options: ClientGradeOptions): Promise<CheckFinding[]> {
  const shared = sharedWork();
  const session = new ClientSession(options);
  const context = (check: ClientCheck) => createContext(check, options, shared, session);
  const outcomes = new Map<string, Timed>();
  const progress = options.progress ?? silentProgress;
  const settle = (check: ClientCheck, timed: Timed) => {
    outcomes.set(check.id, timed);
    progress.judged(toFinding(check, 'client', timed));
  };
  const run = (check: ClientCheck) => {
    progress.started(check.id, 'client');
    return timeCheck(check.id, () => check.run(context(check)));
  };
  const record = async (check: ClientCheck) => settle(check, await run(check));
  const checks = options.checks ?? clientChecks;
  const [first, ...rest] = checks;
  if (first) {
    const early = options.networks ? rest.filter((check) => check.awaitsTimeout) : [];
    const earlyRuns = early.map((check) => ({ check, timed: run(check) }));
    let gradable = false;
    try {
      await record(first);
      gradable = !outcomes.get(first.id)?.outcome.diagnoses.some((code) => code === 'client-not-implemented' || code === 'client-no-connect');
    } finally {
      if (!gradable) {
        session.callOffRuns();
        await Promise.allSettled(earlyRuns.map(({ timed }) => timed));
      }
    }
    const others = rest.filter((check) => !early.includes(check));
    const notRun = (check: ClientCheck) => (check.pairsWithServer && !options.studentServer ? 'no-server-to-pair' : 'client-did-not-start');
    if (!gradable) for (const check of rest) settle(check, { outcome: { diagnoses: [], skipped: notRun(check) }, durationMs: 0 });
    else if (options.networks || session.source === 'env') {
      const settleEarly = earlyRuns.map(async ({ check, timed }) => settle(check, await timed));
      await Promise.all([...settleEarly, ...others.map(record)]);
    } else for (const check of others) await record(check);
  }
  return checks.map((check) => toFinding(check, 'client', outcomes.get(check.id)));
}

function createContext(check: ClientCheck, options: ClientGradeOptions, shared: SharedWork, session: ClientSession): ClientCheckContext {
  return {
    random: createRandom(seedFor(options.seed, check.id)),
    timing: options.timing,
    portSource: () => session.source ?? 'env',
    once: shared,
    play: (scenario) => session.play(scenario),
    playRefused: (lines, deadlineMs) => session.playRefused(lines, deadlineMs),
    playWithStudentServer: (lines, deadlineMs) => session.playWithStudentServer(lines, deadlineMs),
  };
}
