import type { Catalogue } from '../i18n/catalogue.ts';
import type { CheckResult, Evidence, GradeResult, Part, Status } from '../result.ts';
import { analysisLines } from './analysis.ts';
import { inLanguage } from './by-language.ts';
import type { Colors } from './colors.ts';
import type { ReportContext } from './context.ts';
import { discoveryLines } from './discovery.ts';
import { escapeFields, escapeLine, escapeName } from './escape.ts';
import { defaultColumns } from './rows.ts';
import { selectionText } from './selection-text.ts';
import { renderExchange, renderOutput } from './transcript.ts';

// The report a student reads: one line per check with its points, and under each check that
// did not simply pass, what was sent, what came back, what was expected, the likely cause and
// what to do; then the Analisa section and the score. A pure function of the result data.
// Every text that comes from the submission or from the machine (names, what a program sent or
// printed, a process's name) is shown escaped (report/escape.ts).

export type TerminalOptions = ReportContext;

const indent = '        ';
// Shown before the transcript: what was sent and the context of the check.
const beforeTranscript = new Set<Evidence['key']>(['message-size', 'server-restarted', 'message-resent', 'idle-expected']);

function statusLabel(status: Status, text: Catalogue, c: Colors): string {
  const width = Math.max(...Object.values(text.status).map((label) => label.length));
  const label = text.status[status].padEnd(width);
  return { pass: c.green, fail: c.red, warn: c.yellow, skip: c.dim }[status](c.bold(label));
}

function renderCheck(check: CheckResult, result: GradeResult, text: Catalogue, c: Colors, shownOutput: Map<string, string>, columns: number): string[] {
  const language = check.part === 'server' ? result.submission.serverLanguage : result.submission.clientLanguage;
  const title = text.checks[check.id]?.title ?? check.id;
  const points = `${check.points}/${check.maxPoints}`.padStart(5);
  const lines = [`  ${statusLabel(check.status, text, c)} ${points}  ${title} ${c.dim(`· ${check.id}`)}`];
  if (check.status === 'pass') return lines;
  const evidence = (e: Evidence) => `${indent}${text.evidence[e.key](escapeFields(e.values ?? {}, escapeLine))}`;
  // Said once under the list rather than under every check.
  if (check.skipReason === 'server-did-not-start' || check.skipReason === 'client-did-not-start') return lines;
  if (check.skipReason) lines.push(`${indent}${c.dim(text.skips[check.skipReason])}`);
  if (check.error) lines.push(`${indent}${c.red(text.report.graderError(escapeLine(check.error)))}`);
  if (check.status === 'skip') return lines;
  lines.push(...check.evidence.filter((e) => beforeTranscript.has(e.key)).map(evidence));
  for (const exchange of check.exchanges) lines.push(...renderExchange(exchange, text, c, indent, columns));
  lines.push(...check.evidence.filter((e) => !beforeTranscript.has(e.key)).map(evidence));
  lines.push(...renderOutput(check.output, text, c, indent, shownOutput, check.id, columns));
  for (const code of check.diagnoses) {
    const d = text.diagnoses[code];
    const severity = check.severities[code] ?? 'error';
    const colour = { error: c.red, warning: c.yellow, accepted: c.dim }[severity];
    const weight = severity === 'error' ? '' : ` ${c.dim(`(${text.report.severity[severity]})`)}`;
    lines.push(`${indent}${colour(c.bold(code))}${weight}: ${d.meaning}`);
    lines.push(`${indent}  ${c.dim(`${text.report.why}:`)} ${inLanguage(d.why, language)}`);
    lines.push(`${indent}  ${c.cyan(`${text.report.hint}:`)} ${inLanguage(d.hint, language)}`);
  }
  const required = check.required ? text.report.required : text.report.optional;
  lines.push(`${indent}${c.dim(`(${text.tiers[check.tier]}, ${required}, ${check.durationMs} ms)`)}`);
  return lines;
}

// A check skipped because its part never started is said once, under the part's list.
const partNotStarted = { server: 'server-did-not-start', client: 'client-did-not-start' } as const;

function renderPart(part: Part, result: GradeResult, text: Catalogue, c: Colors, shownOutput: Map<string, string>, columns: number): string[] {
  const checks = result.checks.filter((check) => check.part === part);
  if (checks.length === 0) return [];
  const reason = partNotStarted[part];
  const notStarted = checks.filter((check) => check.skipReason === reason).length;
  return [
    c.bold(text.report.parts[part]),
    ...checks.flatMap((check) => renderCheck(check, result, text, c, shownOutput, columns)),
    ...(notStarted > 0 ? [`  ${c.dim(text.report.notStarted(notStarted, text.skips[reason]))}`] : []),
    '',
  ];
}

export function renderTerminal(result: GradeResult, options: TerminalOptions): string {
  const { text, colors: c } = options;
  const r = text.report;
  const mode = result.quick ? r.quickMode(result.idleTimeoutSeconds) : r.fullMode(result.idleTimeoutSeconds);
  const shownOutput = new Map<string, string>();
  const analysis = analysisLines(result.analysis, text, result.idleToleranceSeconds);
  const failed = result.checks.filter((check) => check.required && check.status === 'fail').map((check) => check.id);
  const columns = options.columns ?? defaultColumns;
  const programs = [result.submission.server, result.submission.client].filter((label) => label !== undefined).map((label) => escapeName(label)).join(' · ');
  // A port's owner is a process's name, which a program chooses.
  const portNotes = result.network.notes.map((note) => c.yellow((r.portNotes[note.kind] as (n: typeof note) => string)(escapeFields(note, escapeLine))));
  const repeat = escapeLine(options.repeatCommand, Number.POSITIVE_INFINITY);
  const lines = [
    c.bold(r.title),
    r.grading(escapeName(options.folderLabel), programs),
    ...discoveryLines(result.submission.discovery, text),
    c.dim(r.seedLine(result.seed, mode, result.rubric)),
    ...(result.selection ? [c.yellow(r.selectionLine(selectionText(result)))] : []),
    ...portNotes,
    '',
    ...renderPart('server', result, text, c, shownOutput, columns),
    ...renderPart('client', result, text, c, shownOutput, columns),
    ...(analysis.length > 0 ? [c.bold(r.analysisTitle), ...analysis.map((line) => `  ${line}`), ''] : []),
    `${c.bold(r.score(result.score, result.maxScore))} · ${result.passed ? c.green(c.bold(r.passed)) : c.red(c.bold(r.notPassed(failed.join(', '))))}`,
    ...(result.quick ? [c.yellow(r.quickNote)] : []),
    ...(result.portsLeftBound.length > 0 ? [c.yellow(r.portsLeftBound(result.portsLeftBound))] : []),
    c.dim(options.repeatPasteable === false ? r.repeatByHand(repeat) : r.repeat(repeat)),
  ];
  return `${lines.join('\n')}\n`;
}
