import type { CheckResult, GradeResult, Part } from '../result.ts';
import { analysisLines } from './analysis.ts';
import { explanationLines, transcriptLines } from './check-details.ts';
import { escapeLine, escapeName } from './escape.ts';
import type { ReportContext } from './reporters.ts';
import { selectionText } from './selection-text.ts';
import { sequenceMermaid } from './sequence-mermaid.ts';
import { timelineSteps } from './timeline.ts';

// The report as Markdown, for a CI job's summary, a pull request or a lab report: the score, a
// table of checks per part, the first failures with their explanation and transcript in code
// blocks, and the analysis. Program text is escaped as in the terminal report, then made inert
// for Markdown (table cells, code spans and fences cannot be broken out of).

/** How many failures are shown in full; the table names every one. */
const failuresShown = 3;

/** A table cell: no line breaks, no column bars, no HTML. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A code span that holds any text: fenced with more backticks than the text has in a row. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${fence}`;
}

function codeBlock(lines: readonly string[]): string[] {
  const text = lines.join('\n');
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text, fence];
}

function table(checks: readonly CheckResult[], context: ReportContext): string[] {
  const { text } = context;
  return [
    `| ${text.markdown.status} | ${text.markdown.check} | ${text.markdown.points} | ${text.markdown.codes} |`,
    '|---|---|---:|---|',
    ...checks.map(
      (check) =>
        `| ${text.status[check.status]} | ${cell(text.checks[check.id]?.title ?? check.id)} ${code(check.id)} | ${check.points}/${check.maxPoints} | ${check.diagnoses.map((d) => code(d)).join(' ')} |`,
    ),
  ];
}

export function renderMarkdown(result: GradeResult, context: ReportContext): string {
  const { text } = context;
  const r = text.report;
  const mode = result.quick ? r.quickMode(result.idleTimeoutSeconds) : r.fullMode(result.idleTimeoutSeconds);
  const failed = result.checks.filter((check) => check.status === 'fail');
  const requiredFailed = failed.filter((check) => check.required).map((check) => check.id);
  const programs = [result.submission.server, result.submission.client].filter((label) => label !== undefined).map((label) => code(escapeName(label)));
  const parts = (['server', 'client'] as Part[]).filter((part) => result.checks.some((check) => check.part === part));
  const analysis = analysisLines(result.analysis, text, result.idleToleranceSeconds);
  const lines = [
    `# ${r.title}`,
    '',
    `**${r.score(result.score, result.maxScore)} · ${result.passed ? r.passed : r.notPassed(requiredFailed.join(', '))}**`,
    '',
    `${cell(r.grading(escapeName(context.folderLabel), ''))}${programs.join(' · ')}  `,
    cell(r.seedLine(result.seed, mode, result.rubric)),
    ...(result.selection ? ['', `> ${cell(r.selectionLine(selectionText(result)))}`] : []),
    '',
    ...parts.flatMap((part) => [`## ${r.parts[part]}`, '', ...table(result.checks.filter((check) => check.part === part), context), '']),
  ];
  if (failed.length > 0) {
    lines.push(`## ${text.markdown.failures(Math.min(failuresShown, failed.length), failed.length)}`, '');
    for (const check of failed.slice(0, failuresShown)) {
      lines.push(`### ${cell(text.checks[check.id]?.title ?? check.id)} ${code(check.id)}`, '');
      lines.push(...explanationLines(check, result, text).map((line) => (line.startsWith('  ') ? `  - ${cell(line.trim())}` : `- ${cell(line)}`)), '');
      const transcript = transcriptLines(check, text);
      if (transcript.length > 0) lines.push(...codeBlock(transcript), '');
      // Its first connection as a picture (GitHub draws a mermaid block).
      const first = check.exchanges[0];
      if (first) {
        const program = escapeName((check.part === 'server' ? result.submission.server : result.submission.client) ?? check.part);
        lines.push(...sequenceMermaid(timelineSteps(first.exchange, check.part, text), { grader: text.labReport.grader, program }), '');
      }
    }
  }
  if (analysis.length > 0) lines.push(`## ${cell(r.analysisTitle)}`, '', ...analysis.map((line) => `- ${cell(line)}`), '');
  lines.push(`${cell(context.repeatPasteable === false ? r.repeatByHand('') : r.repeat(''))}${code(escapeLine(context.repeatCommand, Number.POSITIVE_INFINITY))}`, '');
  return lines.join('\n');
}
