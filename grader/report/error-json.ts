import type { SetupProblem } from '../setup-error.ts';

// The results file of a run that could not grade at all (exit status 2): a gradebook that reads
// every student's file then sees why, instead of silently missing a student.

export interface RunFailure {
  /** The setup problem's kind, `zip-refused` for a .zip that may not be unpacked, or `grader-failed` for an error of the grader's own. */
  readonly kind: SetupProblem['kind'] | 'zip-refused' | 'grader-failed';
  /** The one line the user was shown, in the report's language. */
  readonly message: string;
  /** The problem's facts (such as the candidates of an ambiguous folder), as plain data. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export function renderErrorJson(failure: RunFailure): string {
  const document = {
    status: 'error',
    error: { kind: failure.kind, message: failure.message, ...failure.details },
    passed: false,
    score: 0,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
