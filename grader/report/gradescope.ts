import type { GradeResult } from '../result.ts';
import type { Visibility } from '../rubric.ts';
import { explanationLines, gotItsPoints, transcriptLines } from './check-details.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportContext } from './reporters.ts';

// Gradescope's results.json, as its autograder specification describes it
// (https://gradescope-autograders.readthedocs.io/en/latest/specs/, "Output format"): the score,
// the execution time in seconds, an output for the whole submission (here the Markdown report,
// output_format "md"), and one test per check with its score, maximum, status, output and tags
// (the diagnosis codes). Gradescope has no skipped or warned test: a check is "passed" when it
// got its points and did not fail, and its output says the rest.


export function renderGradescope(result: GradeResult, context: ReportContext): string {
  const { text } = context;
  const numbers = { server: 0, client: 0 };
  const document = {
    score: result.score,
    execution_time: Math.round(result.durationMs / 1000),
    output: renderMarkdown(result, context),
    output_format: 'md',
    visibility: 'visible' satisfies Visibility,
    // What the grader printed is the instructor's, for debugging; the student reads the output above.
    stdout_visibility: 'hidden' satisfies Visibility,
    tests: result.checks.map((check) => {
      numbers[check.part] += 1;
      const explanation = explanationLines(check, result, text);
      const transcript = transcriptLines(check, text);
      return {
        name: `${text.checks[check.id]?.title ?? check.id} (${check.id})`,
        number: `${check.part === 'server' ? 1 : 2}.${numbers[check.part]}`,
        score: check.points,
        max_score: check.maxPoints,
        status: gotItsPoints(check) ? 'passed' : 'failed',
        output: [text.status[check.status], ...explanation, ...(transcript.length > 0 ? ['', ...transcript] : [])].join('\n'),
        output_format: 'text',
        tags: [...check.diagnoses],
        visibility: check.visibility,
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
