import type { CheckResult, GradeResult, Part } from '../result.ts';
import { analysisLines } from './analysis.ts';
import type { ReportContext } from './context.ts';
import { discoveryLines } from './discovery.ts';
import { escapeFields, escapeLine, escapeName } from './escape.ts';
import { defaultColumns } from './rows.ts';
import { selectionText } from './selection-text.ts';
import { planShortReport, type ShortPlan } from './short-plan.ts';
import { partNotStarted, renderCheck, type Page } from './terminal-check.ts';
import { fixFirstLines, shortPartLines } from './terminal-short.ts';

// The report a student reads. By default the short one: the failure to fix first at the top,
// each other cause once, the checks that passed in one block; --verbose: one line per check
// and, under each that did not simply pass, what was sent, what came back, what was expected,
// the likely cause and what to do. Then the analysis and the score. A pure function of the
// result data. Every text that comes from the submission or from the machine (names, what a
// program sent or printed, a process's name) is shown escaped (report/escape.ts).

export type TerminalOptions = ReportContext;

function renderPart(part: Part, page: Page, plan: ShortPlan | undefined): string[] {
  const { result, text, c } = page;
  const checks = result.checks.filter((check) => check.part === part);
  if (checks.length === 0) return [];
  const reason = partNotStarted[part];
  const notStarted = checks.filter((check) => check.skipReason === reason).length;
  const lines = plan ? shortPartLines(part, plan, page) : checks.flatMap((check: CheckResult) => renderCheck(check, page));
  return [c.bold(text.report.parts[part]), ...lines, ...(notStarted > 0 ? [`  ${c.dim(text.report.notStarted(notStarted, text.skips[reason]))}`] : []), ''];
}

export function renderTerminal(result: GradeResult, options: TerminalOptions): string {
  const { text, colors: c } = options;
  const r = text.report;
  const mode = result.quick ? r.quickMode(result.idleTimeoutSeconds) : r.fullMode(result.idleTimeoutSeconds);
  const analysis = analysisLines(result.analysis, text, result.idleToleranceSeconds);
  const failed = result.checks.filter((check) => check.required && check.status === 'fail').map((check) => check.id);
  const page: Page = { result, text, c, columns: options.columns ?? defaultColumns, output: new Map() };
  const programs = [result.submission.server, result.submission.client].filter((label) => label !== undefined).map((label) => escapeName(label)).join(' · ');
  // A port's owner is a process's name, which a program chooses.
  const portNotes = result.network.notes.map((note) => c.yellow((r.portNotes[note.kind] as (n: typeof note) => string)(escapeFields(note, escapeLine))));
  const repeat = escapeLine(options.repeatCommand, Number.POSITIVE_INFINITY);
  // The short report unless --verbose: what to fix first, each cause once.
  const plan = options.verbose ? undefined : planShortReport(result);
  const lines = [
    c.bold(r.title),
    r.grading(escapeName(options.folderLabel), programs),
    ...discoveryLines(result.submission.discovery, text),
    c.dim(r.seedLine(result.seed, mode, result.rubric)),
    ...(result.selection ? [c.yellow(r.selectionLine(selectionText(result)))] : []),
    ...portNotes,
    '',
    ...(plan ? fixFirstLines(plan, page) : []),
    ...renderPart('server', page, plan),
    ...renderPart('client', page, plan),
    ...(analysis.length > 0 ? [c.bold(r.analysisTitle), ...analysis.map((line) => `  ${line}`), ''] : []),
    `${c.bold(r.score(result.score, result.maxScore))} · ${result.passed ? c.green(c.bold(r.passed)) : c.red(c.bold(r.notPassed(failed.join(', '))))}`,
    ...(result.quick ? [c.yellow(r.quickNote)] : []),
    ...(result.portsLeftBound.length > 0 ? [c.yellow(r.portsLeftBound(result.portsLeftBound))] : []),
    ...(plan ? [c.dim(r.verboseHint)] : []),
    c.dim(options.repeatPasteable === false ? r.repeatByHand(repeat) : r.repeat(repeat)),
  ];
  return `${lines.join('\n')}\n`;
}
