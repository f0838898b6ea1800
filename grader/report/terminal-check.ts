import type { DiagnosisCode } from '../diagnoses.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { OutputLine } from '../process/output.ts';
import type { CheckResult, Evidence, GradeResult, SkipReason, Status } from '../result.ts';
import { inLanguage } from './by-language.ts';
import type { Colors } from './colors.ts';
import { namedError } from '../process/error-line.ts';
import { escapeFields, escapeLine } from './escape.ts';
import { outputRows, renderExchange, renderOutput } from './transcript.ts';

// One check as the terminal report shows it: its line, and under a check that did not simply
// pass, what was sent and came back, what the program printed, and what each code means and
// what to do. The short report (terminal-short.ts) and --verbose differ in how much of it.

export const indent = '        ';
// Shown before the transcript: what was sent and the context of the check.
const beforeTranscript = new Set<Evidence['key']>(['message-size', 'server-restarted', 'message-resent', 'idle-expected']);
// What the short report shows of a program's output: its last lines (where a Python traceback
// ends with the error) and the line that names the error (where Node's stack starts).
const shortOutputLines = 6;
// What the short report says of a cause other than the first: what was expected and came back.
const compactEvidenceLines = 2;
// The code in the error object Node prints last, where the output kept was cut after the stack's start.
const nodeErrorCode = /^\s*code: '/;

/** The line of the program's output that names its error (process/error-line.ts), or else Node's error code. */
function errorLineOf(output: readonly OutputLine[]): OutputLine | undefined {
  const stderr = output.filter((line) => line.stream === 'stderr');
  const named = namedError(stderr.map((line) => line.text).join('\n'));
  return named === undefined ? stderr.find((line) => nodeErrorCode.test(line.text)) : stderr.find((line) => line.text.trim() === named.trim());
}

function shortOutput(output: readonly OutputLine[]): readonly OutputLine[] {
  if (output.length <= shortOutputLines + 2) return output;
  const tail = output.slice(-shortOutputLines);
  const named = errorLineOf(output);
  if (named === undefined || tail.includes(named)) return tail;
  return [named, { ...named, text: '…' }, ...tail];
}

/** What every check of one report is rendered with; `output` remembers program output already shown. */
/** A check skipped because its part never started: said once, under the part's list. */
export const partNotStarted = { server: 'server-did-not-start', client: 'client-did-not-start' } as const;

/** A check not judged in this mode at all (0 points either way): the reports name it, never count it. */
export const notJudgedInThisMode = (check: { readonly skipReason?: SkipReason }): boolean => check.skipReason === 'full-grade-only' || check.skipReason === 'quick-mode-only';

/** What a code weighs under the rubric, for a code that does not fail its check: "(accepted)", "(warning: …)"; else ''. */
export function weightOf(check: CheckResult, code: DiagnosisCode, text: Catalogue): string {
  const severity = check.severities[code] ?? 'error';
  return severity === 'error' ? '' : `(${text.report.severity[severity]})`;
}

export interface Page {
  readonly result: GradeResult;
  readonly text: Catalogue;
  readonly c: Colors;
  readonly columns: number;
  readonly output: Map<string, string>;
}

export interface DetailOptions {
  /** The full explanation of each code (--verbose); else its meaning, what to do and where to read more. */
  readonly verbose: boolean;
  /** The short report's other causes: what was expected and came back, the meaning and what to do; no transcript. */
  readonly compact?: boolean;
  /** Notes already said under an earlier check (short report). */
  readonly notesSaidBefore?: ReadonlySet<Evidence['key']>;
}

/** The width of the status column: the longest status word of the report's language. */
export function statusWidth(text: Catalogue): number {
  return Math.max(...Object.values(text.status).map((label) => label.length));
}

export function statusLabel(status: Status, text: Catalogue, c: Colors): string {
  const label = text.status[status].padEnd(statusWidth(text));
  return { pass: c.green, fail: c.red, warn: c.yellow, skip: c.dim }[status](c.bold(label));
}

export function titleLine(check: CheckResult, page: Pick<Page, 'text' | 'c'>, suffix = ''): string {
  const { text, c } = page;
  const title = text.checks[check.id]?.title ?? check.id;
  const points = `${check.points}/${check.maxPoints}`.padStart(5);
  return `  ${statusLabel(check.status, text, c)} ${points}  ${title} ${c.dim(`· ${check.id}`)}${suffix}`;
}

/** Under a check that did not simply pass: why it was skipped, or what was sent and came back, and what it means. */
export function detailLines(check: CheckResult, page: Page, options: DetailOptions): string[] {
  const { result, text, c, columns } = page;
  const language = check.part === 'server' ? result.submission.serverLanguage : result.submission.clientLanguage;
  const lines: string[] = [];
  const said = options.notesSaidBefore ?? new Set();
  const evidence = (e: Evidence) => `${indent}${text.evidence[e.key](escapeFields(e.values ?? {}, escapeLine))}`;
  // Said once under the list rather than under every check.
  if (check.skipReason === partNotStarted[check.part]) return lines;
  if (check.skipReason) lines.push(`${indent}${c.dim(text.skips[check.skipReason])}`);
  if (check.error) lines.push(`${indent}${c.red(text.report.graderError(escapeLine(check.error)))}`);
  if (check.status === 'skip') return lines;
  const shown = check.evidence.filter((e) => !said.has(e.key));
  if (options.compact) {
    lines.push(...shown.filter((e) => !beforeTranscript.has(e.key)).slice(0, compactEvidenceLines).map(evidence));
    // A crash's own words: the line that names the error.
    const error = errorLineOf(check.output);
    if (error) lines.push(...outputRows([error], c, indent, columns));
  } else {
    lines.push(...shown.filter((e) => beforeTranscript.has(e.key)).map(evidence));
    for (const exchange of check.exchanges) lines.push(...renderExchange(exchange, text, c, indent, columns));
    lines.push(...shown.filter((e) => !beforeTranscript.has(e.key)).map(evidence));
    lines.push(...renderOutput(options.verbose ? check.output : shortOutput(check.output), text, c, indent, page.output, check.id, columns));
  }
  for (const code of check.diagnoses) {
    const d = text.diagnoses[code];
    const colour = { error: c.red, warning: c.yellow, accepted: c.dim }[check.severities[code] ?? 'error'];
    const weight = weightOf(check, code, text);
    lines.push(`${indent}${colour(c.bold(code))}${weight && ` ${c.dim(weight)}`}: ${d.meaning}`);
    if (options.verbose) lines.push(`${indent}  ${c.dim(`${text.report.why}:`)} ${inLanguage(d.why, language)}`);
    lines.push(`${indent}  ${c.cyan(`${text.report.hint}:`)} ${inLanguage(d.hint, language)}`);
    if (!options.verbose && !options.compact) lines.push(`${indent}  ${c.dim(text.report.explainMore(code))}`);
  }
  if (options.verbose) {
    const required = check.required ? text.report.required : text.report.optional;
    lines.push(`${indent}${c.dim(`(${text.tiers[check.tier]}, ${required}, ${check.durationMs} ms)`)}`);
  }
  return lines;
}

/** Every check in full (--verbose, and the reports a class grade writes). */
export function renderCheck(check: CheckResult, page: Page): string[] {
  const lines = [titleLine(check, page)];
  return check.status === 'pass' ? lines : [...lines, ...detailLines(check, page, { verbose: true })];
}
