import { performance } from 'node:perf_hooks';
import { longestTimeWaitMs } from './net/port-ledger.ts';
import type { CheckFinding, CheckOutcome, Part, Tier } from './result.ts';
import { SetupError } from './setup-error.ts';

// What both parts' schedulers share: running one check under a safety deadline, with the
// grader's own errors kept apart from the submission's failures, and turning its outcome into a
// finding (the rubric weighs findings once, after every part: score.ts).

export interface Timed {
  readonly outcome: CheckOutcome;
  readonly durationMs: number;
  readonly error?: string;
}

// A safety net only: every wait inside a check has its own, much shorter deadline, but for the
// one for a hard-coded port in TIME_WAIT (where the machine gives no network of its own).
const checkDeadlineMs = 60_000 + longestTimeWaitMs;

export async function timeCheck(id: string, run: () => Promise<CheckOutcome>, onError?: (error: unknown) => CheckOutcome | undefined): Promise<Timed> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`check ${id} passed its ${checkDeadlineMs} ms safety deadline`)), checkDeadlineMs);
  });
  try {
    const outcome = await Promise.race([run(), deadline]);
    return { outcome: { ...outcome, diagnoses: [...new Set(outcome.diagnoses)] }, durationMs: elapsed() };
  } catch (error) {
    // A setup problem (a port taken by another program) ends the whole grade, with one clear line.
    if (error instanceof SetupError) throw error;
    const handled = onError?.(error);
    if (handled) return { outcome: handled, durationMs: elapsed() };
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: { diagnoses: [], skipped: 'grader-error' }, durationMs: elapsed(), error: message };
  } finally {
    clearTimeout(timer);
  }
}

export function toFinding(check: { id: string; tier: Tier }, part: Part, timed: Timed | undefined): CheckFinding {
  const outcome = timed?.outcome ?? { diagnoses: [], skipped: 'run-deadline' as const };
  return {
    id: check.id,
    part,
    tier: check.tier,
    diagnoses: outcome.diagnoses,
    evidence: outcome.evidence ?? [],
    exchanges: outcome.exchanges ?? [],
    output: outcome.output ?? [],
    durationMs: timed?.durationMs ?? 0,
    ...(outcome.skipped ? { skipReason: outcome.skipped } : {}),
    ...(timed?.error ? { error: timed.error } : {}),
  };
}

/** Work that several checks judge (one observation, several verdicts), started once and shared. */
export type SharedWork = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function sharedWork(): SharedWork {
  const started = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>) => {
    if (!started.has(key)) started.set(key, work());
    return started.get(key) as Promise<T>;
  };
}
