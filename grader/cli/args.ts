import path from 'node:path';
import { parseArgs } from 'node:util';
import { isReporterName, reporterNames, type ReporterName } from '../report/reporters.ts';
import { parseArgsOptions, type OptionName } from './option-table.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { SetupError } from '../setup-error.ts';
import { kitRoot } from '../kit-root.ts';
import type { LabSettings } from '../settings.ts';
import { allCheckIds, selectChecks, type Selection } from '../selection.ts';
import { nearestName } from './nearest.ts';
import { allDiagnosisCodes, isDiagnosisCode, type DiagnosisCode } from '../diagnoses.ts';

// The command line of lab contract §8. Bad input becomes a SetupError: one clear line and
// exit status 2, never a stack trace.

export interface CliOptions {
  /** The folder as the user typed it, for the report and the repeat command (not typed: as the kit names it). */
  readonly folderArg: string;
  /** Whether the folder was named (a folder, or --server/--client): a repeat line without one grades the same default. */
  readonly folderTyped: boolean;
  readonly folder: string;
  readonly quick: boolean;
  readonly seed?: number;
  readonly port?: number;
  /**
   * Every --report (and --json, its short form), with its file resolved; no file: in place of
   * the terminal report (in a class grade: in every student's folder too).
   */
  readonly reports: readonly ReportAsked[];
  /** The options as typed, for the "Repeat this run" line. */
  readonly typed: Raw;
  readonly lang?: Lang;
  readonly serverCmd?: string;
  readonly clientCmd?: string;
  /** The programs named with --server and --client (absolute). */
  readonly server?: string;
  readonly client?: string;
  /** kit, classic, or a rubric file. */
  readonly rubric: string;
  /** Run every program in the sandbox (Linux, bubblewrap). */
  readonly sandbox: boolean;
  readonly help: boolean;
  /** --class: a folder of submissions, one per student. */
  readonly classFolder?: string;
  /** Where a class grade writes (default: <class>-grades beside it). */
  readonly out?: string;
  readonly jobs?: number;
  readonly force: boolean;
  readonly csvDelimiter: ',' | ';';
  /** A class is graded in the sandbox unless --no-sandbox. */
  readonly noSandbox: boolean;
  /** --only and --check: less than a whole grade. */
  readonly selection?: Selection;
  /** --verbose: the terminal report in full. */
  readonly verbose: boolean;
  /** --explain: a diagnosis code to explain, instead of grading. */
  readonly explain?: DiagnosisCode;
  /** --repeat N: N grades with fresh seeds, and each check's pass rate. */
  readonly repeat?: number;
  /** --watch: a quick grade now and on every save. */
  readonly watch: boolean;
}

/** --repeat and --watch each print something of their own: what cannot go with them. */
function refuseCombinations(raw: Raw, repeat: number | undefined): void {
  const given = (name: OptionName) => raw[name] !== undefined && raw[name] !== false && !(Array.isArray(raw[name]) && raw[name].length === 0);
  for (const option of ['repeat', 'watch'] as const) {
    if (option === 'repeat' ? repeat === undefined : !given('watch')) continue;
    const other = (['class', 'seed', 'json', 'report', 'explain', ...(option === 'repeat' ? (['watch'] as const) : [])] as const).find(given);
    if (other !== undefined) throw new SetupError({ kind: 'cannot-combine', option: `--${option}`, other: `--${other}` });
  }
}

export type Raw = Readonly<Partial<Record<OptionName, string | boolean | string[]>>>;

export interface ReportAsked {
  readonly name: ReporterName;
  readonly file?: string;
}

/** A --report value, NAME or NAME=FILE; --json FILE is json=FILE. */
function splitReport(report: string): { readonly name: string; readonly file?: string } {
  const at = report.indexOf('=');
  return at === -1 ? { name: report } : { name: report.slice(0, at), file: report.slice(at + 1) };
}

/**
 * `--report NAME[=PATH]`, each; at most one of them in place of the terminal report. In a class
 * grade a name only: every student's folder gets that format, under the name reporters.ts gives.
 */
function reportsAsked(reports: readonly string[], json: string | undefined, cwd: string, forClass: boolean): ReportAsked[] {
  if (forClass && (json !== undefined || reports.some((report) => splitReport(report).file !== undefined))) throw new SetupError({ kind: 'report-with-class' });
  const asked = [...reports, ...(json === undefined ? [] : [`json=${json}`])].map((report) => {
    const { name, file } = splitReport(report);
    if (!isReporterName(name)) throw new SetupError({ kind: 'unknown-report', name, known: reporterNames.join(', ') });
    if (file === '') throw new SetupError({ kind: 'missing-value', option: '--report' });
    return { name, file: file === undefined ? undefined : path.resolve(cwd, file) };
  });
  const instead = asked.filter((report) => report.file === undefined);
  if (!forClass && instead.length > 1) throw new SetupError({ kind: 'reports-in-place', names: instead.map((report) => report.name).join(', ') });
  return asked;
}

function integer(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new SetupError({ kind: 'bad-number', option: `--${option}`, value, min, max });
  return n;
}

/** node:util's parse errors, in the kit's own words (and languages). */
function parseError(error: unknown): SetupError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(--?[^' <]+)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new SetupError({ kind: 'missing-value', option });
  return new SetupError({ kind: 'unknown-option', option });
}

/**
 * The folder graded when the command names none: the one the command was typed in, when that is
 * inside the kit (a Python student in exercises/python), else the kit's setting, else exercises/.
 */
function defaultFolder(cwd: string, settings: LabSettings): string {
  const inside = path.relative(kitRoot, cwd);
  if (inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) && !inside.split(path.sep).includes('node_modules')) return cwd;
  return settings.folder ?? path.join(kitRoot, 'exercises');
}

/** --only server|client and --check ID[,ID]: undefined for a whole grade. */
function selectionOf(only: string | undefined, checks: string | undefined): Selection | undefined {
  if (only !== undefined && only !== 'server' && only !== 'client') throw new SetupError({ kind: 'bad-only', value: only });
  const ids = checks?.split(',').map((id) => id.trim()).filter(Boolean);
  if (checks !== undefined && ids?.length === 0) throw new SetupError({ kind: 'missing-value', option: '--check' });
  const unknown = ids?.find((id) => !allCheckIds.includes(id));
  if (unknown !== undefined) throw new SetupError({ kind: 'unknown-check', id: unknown, near: nearestName(unknown, allCheckIds) });
  if (only === undefined && ids === undefined) return undefined;
  const selection: Selection = { ...(only === undefined ? {} : { only }), ...(ids === undefined ? {} : { checks: ids }) };
  const selected = selectChecks(selection);
  if (selected.server.length === 0 && selected.client.length === 0) throw new SetupError({ kind: 'nothing-selected', only: only ?? '', checks: ids?.join(',') ?? '' });
  return selection;
}

function explained(code: string | undefined): DiagnosisCode | undefined {
  if (code === undefined || isDiagnosisCode(code)) return code;
  throw new SetupError({ kind: 'unknown-code', code, near: nearestName(code, allDiagnosisCodes) });
}

/** `cwd` is where the user typed the command: npm runs scripts from the package root, but says where in INIT_CWD. */
export function parseCliArgs(argv: readonly string[], cwd: string, settings: LabSettings = {}): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: parseArgsOptions() });
  } catch (error) {
    throw parseError(error);
  }
  const { positionals } = parsed;
  const raw = parsed.values as Raw;
  const str = (name: OptionName) => (typeof raw[name] === 'string' ? raw[name] : undefined);
  const flag = (name: OptionName) => raw[name] === true;
  const [lang, json, server, client, classArg] = [str('lang'), str('json'), str('server'), str('client'), str('class')];
  const reports = Array.isArray(raw.report) ? raw.report : [];
  if (positionals.length > 1) throw new SetupError({ kind: 'too-many-folders', folders: positionals.join(', ') });
  if (lang !== undefined && !isLang(lang)) throw new SetupError({ kind: 'bad-lang', value: lang });
  const delimiter = str('csv-delimiter');
  if (delimiter !== ',' && delimiter !== ';') throw new SetupError({ kind: 'bad-csv-delimiter', value: String(delimiter) });
  if (classArg !== undefined && positionals.length > 0) throw new SetupError({ kind: 'too-many-folders', folders: [classArg, ...positionals].join(', ') });
  const classFolder = classArg === undefined ? undefined : path.resolve(cwd, classArg);
  const [only, check] = [str('only'), str('check')];
  if (classFolder !== undefined && (only !== undefined || check !== undefined)) throw new SetupError({ kind: 'selection-with-class' });
  // Without a folder, a named program's folder is the submission; else the default above.
  const named = server ?? client;
  const typedFolder = positionals[0] ?? (named === undefined ? undefined : path.dirname(named));
  const track = str('track');
  if (track !== undefined && track !== 'typescript' && track !== 'python') throw new SetupError({ kind: 'bad-track', value: track });
  if (track !== undefined && typedFolder !== undefined) throw new SetupError({ kind: 'too-many-folders', folders: [`--track ${track}`, typedFolder].join(', ') });
  const trackFolder = track === undefined ? undefined : path.join(kitRoot, track === 'python' ? 'exercises/python' : 'exercises');
  const folder = typedFolder === undefined ? (trackFolder ?? defaultFolder(cwd, settings)) : path.resolve(cwd, typedFolder);
  const out = str('out');
  const repeat = integer('repeat', str('repeat'), 1, 50);
  refuseCombinations(raw, repeat);
  return {
    folderArg: typedFolder ?? (path.relative(kitRoot, folder).split(path.sep).join('/') || '.'),
    folderTyped: typedFolder !== undefined,
    folder,
    quick: flag('quick'),
    seed: integer('seed', str('seed'), 0, 2 ** 32 - 1),
    port: integer('port', str('port'), 1, 65_535),
    reports: reportsAsked(reports, json, cwd, classFolder !== undefined),
    typed: raw,
    lang,
    serverCmd: str('server-cmd'),
    clientCmd: str('client-cmd'),
    server: server === undefined ? undefined : path.resolve(cwd, server),
    client: client === undefined ? undefined : path.resolve(cwd, client),
    rubric: str('rubric') ?? settings.rubric ?? 'kit',
    sandbox: flag('sandbox'),
    help: flag('help'),
    classFolder,
    out: out === undefined ? (classFolder === undefined ? undefined : `${classFolder.replace(/[\\/]+$/, '')}-grades`) : path.resolve(cwd, out),
    jobs: integer('jobs', str('jobs'), 1, 64),
    force: flag('force'),
    csvDelimiter: delimiter,
    noSandbox: flag('no-sandbox'),
    explain: explained(str('explain')),
    verbose: flag('verbose'),
    selection: selectionOf(only, check),
    repeat,
    watch: flag('watch'),
  };
}

/**
 * The files --json and --report NAME=FILE ask for, read before anything else so that a run that
 * stops with exit status 2, even on a mistake in the other options, still leaves its results
 * files saying why (those formats that have a form for it).
 */
export function peekReportFiles(argv: readonly string[], cwd: string): { readonly name: string; readonly file: string }[] {
  const found: { name: string; file: string }[] = [];
  const valueOf = (option: string, arg: string, next: string | undefined) => (arg === option ? next : arg.startsWith(`${option}=`) ? arg.slice(option.length + 1) : undefined);
  argv.forEach((arg, i) => {
    const json = valueOf('--json', arg, argv[i + 1]);
    const report = json === undefined ? valueOf('--report', arg, argv[i + 1]) : `json=${json}`;
    const { name, file } = splitReport(report ?? '');
    if (name !== '' && file !== undefined && file !== '' && !file.startsWith('--')) found.push({ name, file: path.resolve(cwd, file) });
  });
  return found;
}

/** The language asked for, read before anything else so that even an error in the other options is in it. */
export function peekLang(argv: readonly string[]): Lang | undefined {
  let found: Lang | undefined;
  argv.forEach((arg, i) => {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && isLang(value)) found = value;
  });
  return found;
}
