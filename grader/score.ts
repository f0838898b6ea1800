import type { CheckFinding, CheckResult, GradeResult, SkipReason, Status } from './result.ts';
import { weighCheck, type Rubric } from './rubric.ts';

// Scoring, done once for a whole grade after every part has been observed: the rubric weighs
// each finding (status, points, and what each diagnosis code weighs), and a grade passes when
// every required check does. Pure: the same findings under another rubric are exactly what
// --rubric would have given.

export interface Scored {
  readonly checks: readonly CheckResult[];
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
}

/** A verdict that lets a required check pass the grade: a warning passes. */
export const passes = (status: Status | undefined): boolean => status === 'pass' || status === 'warn';

// A required check that could not be judged at all never lets a grade pass.
const unjudged: ReadonlySet<SkipReason> = new Set<SkipReason>(['grader-error', 'run-deadline', 'port-in-time-wait']);

export function score(findings: readonly CheckFinding[], rubric: Rubric): Scored {
  const checks = findings.map((finding) => ({ ...finding, ...weighCheck(rubric, finding.id, finding.tier, finding) }));
  return {
    checks,
    score: checks.reduce((sum, check) => sum + check.points, 0),
    maxScore: checks.reduce((sum, check) => sum + check.maxPoints, 0),
    passed: checks.every(
      (check) => !check.required || passes(check.status) || (check.status === 'skip' && !unjudged.has(check.skipReason ?? 'grader-error')),
    ),
  };
}

/** The same observations weighed by another rubric. */
export function rescore(result: GradeResult, rubric: Rubric): GradeResult {
  return { ...result, rubric: rubric.name, ...score(result.checks, rubric) };
}
