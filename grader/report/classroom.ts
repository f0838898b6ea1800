import type { GradeResult } from '../result.ts';
import { explanationLines, gotItsPoints } from './check-details.ts';
import type { ReportContext } from './context.ts';

// GitHub Classroom's autograding result: what one "runner" step hands to the classroom's grading
// reporter (classroom-resources/autograding-grading-reporter), which reads it from the
// environment variable <RUNNER>_RESULTS as base64 of JSON. Read from its source (src/main.js,
// notify-classroom.js, console-results.js, aggregate-results.js): it sums the tests' `score`
// against the top-level `max_score` for the points it sends to the classroom, prints each test's
// `name`, and for a test whose `status` is not "pass" its `message`; a top-level `status` of
// "fail" or "error" fails its step. Its console table shows passed tests over all tests times
// max_score instead, so it can show another figure than the points sent: the kit's tests are
// its checks, weighed as the rubric says.

export function classroomResult(result: GradeResult, context: ReportContext): object {
  const { text } = context;
  return {
    version: 1,
    status: result.passed ? 'pass' : 'fail',
    max_score: result.maxScore,
    tests: result.checks.map((check) => ({
      name: `${text.checks[check.id]?.title ?? check.id} (${check.id})`,
      status: gotItsPoints(check) ? 'pass' : 'fail',
      score: check.points,
      message: [text.status[check.status], ...explanationLines(check, result, text)].join('\n'),
      line_no: 0,
      execution_time: `${(check.durationMs / 1000).toFixed(2)}s`,
    })),
  };
}

/** The base64 line the reporter reads: the value of the step's `result` output. */
export function renderClassroom(result: GradeResult, context: ReportContext): string {
  return `${Buffer.from(JSON.stringify(classroomResult(result, context)), 'utf8').toString('base64')}\n`;
}
