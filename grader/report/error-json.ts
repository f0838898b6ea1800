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

/**
 * Gradescope's results.json for a run that could not grade: no points, and the reason as the
 * submission's output, which the student sees (Gradescope shows an autograder failure otherwise).
 */
export function renderErrorGradescope(failure: RunFailure): string {
  return `${JSON.stringify({ score: 0, output: failure.message, output_format: 'text', visibility: 'visible', stdout_visibility: 'hidden', tests: [] }, null, 2)}\n`;
}

/** The formats that still write their file when a run stops with exit status 2. */
export const errorRenderers: Readonly<Record<string, (failure: RunFailure) => string>> = { json: renderErrorJson, gradescope: renderErrorGradescope };
