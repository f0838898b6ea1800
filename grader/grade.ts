import { performance } from 'node:perf_hooks';
import { randomSeed } from './random.ts';
import type { CheckResult, GradeResult, SkipReason } from './result.ts';
import type { Rubric } from './rubric.ts';
import { gradeServer } from './server/grade-server.ts';
import { timingFor } from './server/timing.ts';
import { customLaunchCommand, launchCommandFor } from './submission/command.ts';
import { findSubmission } from './submission/find.ts';

// Grading one submission folder, from finding its files to the plain result data that the
// reporters render. Nothing here writes to the terminal or exits.

export const labPort = 12345;

export interface GradeOptions {
  readonly folder: string;
  readonly rubric: Rubric;
  readonly quick?: boolean;
  readonly seed?: number;
  /** The port a submission hard-codes instead of the lab's 12345. */
  readonly fixedPort?: number;
  /** An instructor's own command line for the server, instead of one chosen by extension. */
  readonly serverCommand?: string;
}

// A required check that could not be judged at all never lets a grade pass.
const unjudged: ReadonlySet<SkipReason> = new Set<SkipReason>(['grader-error', 'run-deadline']);

export function isPassed(checks: readonly CheckResult[]): boolean {
  return checks.every(
    (check) => !check.required || check.status === 'pass' || check.status === 'warn' || (check.status === 'skip' && !unjudged.has(check.skipReason ?? 'grader-error')),
  );
}

export async function grade(options: GradeOptions): Promise<GradeResult> {
  const startedAt = performance.now();
  const submission = options.serverCommand ? findSubmission(options.folder, []) : findSubmission(options.folder, ['server']);
  const command = options.serverCommand
    ? customLaunchCommand(options.serverCommand, submission.folder)
    : await launchCommandFor(submission.server as string);
  const seed = options.seed ?? randomSeed();
  const timing = timingFor(options.quick ?? false);
  const server = await gradeServer({
    launch: {
      command,
      socketTimeoutSeconds: timing.socketTimeoutEnv,
      fixedPort: options.fixedPort ?? labPort,
      startTimeoutMs: timing.startTimeoutMs,
    },
    seed,
    timing,
    rubric: options.rubric,
  });
  const checks = server.results;
  return {
    rubric: options.rubric.name,
    score: checks.reduce((sum, check) => sum + check.points, 0),
    maxScore: checks.reduce((sum, check) => sum + check.maxPoints, 0),
    passed: isPassed(checks),
    seed,
    quick: timing.quick,
    idleTimeoutSeconds: timing.idleTimeoutMs / 1000,
    idleToleranceSeconds: timing.idleToleranceMs / 1000,
    submission: { folder: submission.folder, server: command.label },
    checks,
    analysis: server.analysis,
    durationMs: Math.round(performance.now() - startedAt),
  };
}
