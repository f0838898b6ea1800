import path from 'node:path';
import { parseArgs } from 'node:util';
import { isReporterName, reporterNames, type ReporterName } from '../report/reporters.ts';
import { parseArgsOptions, type OptionName } from './option-table.ts';
import { isLang, type Lang } from '../i18n/index.ts';
import { SetupError } from '../setup-error.ts';

// The command line of lab contract §8. Bad input becomes a SetupError: one clear line and
// exit status 2, never a stack trace.

export interface CliOptions {
  /** The folder as the user typed it, for the report and the repeat command. */
  readonly folderArg: string;
  readonly folder: string;
  readonly quick: boolean;
  readonly seed?: number;
  readonly port?: number;
  readonly json?: string;
  /** Every --report (and --json, its short form), with its file resolved; no file: in place of the terminal report. */
  readonly reports: readonly ReportAsked[];
  /** The options as typed, for the "Repeat this run" line. */
  readonly typed: Raw;
  readonly lang?: Lang;
  readonly serverCmd?: string;
  readonly clientCmd?: string;
  /** The programs named with --server and --client (absolute), and as the user typed them, for the repeat command. */
  readonly server?: string;
  readonly client?: string;
  readonly serverArg?: string;
  readonly clientArg?: string;
  /** kit, classic, or a rubric file. */
  readonly rubric: string;
  /** Run every program in the sandbox (Linux, bubblewrap). */
  readonly sandbox: boolean;
  readonly help: boolean;
  /** --class: a folder of submissions, one per student. */
  readonly classFolder?: string;
  readonly classFolderArg?: string;
  /** Where a class grade writes (default: <class>-grades beside it). */
  readonly out?: string;
  readonly jobs?: number;
  readonly force: boolean;
  readonly csvDelimiter: ',' | ';';
  /** A class is graded in the sandbox unless --no-sandbox. */
  readonly noSandbox: boolean;
}

export type Raw = Readonly<Partial<Record<OptionName, string | boolean | string[]>>>;

export interface ReportAsked {
  readonly name: ReporterName;
  readonly file?: string;
}

/** `--report NAME[=PATH]`, each; at most one of them in place of the terminal report. */
function reportsAsked(reports: readonly string[], json: string | undefined, cwd: string): ReportAsked[] {
  const asked = [...reports, ...(json === undefined ? [] : [`json=${json}`])].map((report) => {
    const at = report.indexOf('=');
    const name = at === -1 ? report : report.slice(0, at);
    const file = at === -1 ? undefined : report.slice(at + 1);
    if (!isReporterName(name)) throw new SetupError({ kind: 'unknown-report', name, known: reporterNames.join(', ') });
    if (file === '') throw new SetupError({ kind: 'missing-value', option: '--report' });
    return { name, file: file === undefined ? undefined : path.resolve(cwd, file) };
  });
  const instead = asked.filter((report) => report.file === undefined);
  if (instead.length > 1) throw new SetupError({ kind: 'reports-in-place', names: instead.map((report) => report.name).join(', ') });
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

/** `cwd` is where the user typed the command: npm runs scripts from the package root, but says where in INIT_CWD. */
export function parseCliArgs(argv: readonly string[], cwd: string): CliOptions {
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
  const values = {
    quick: flag('quick'),
    seed: str('seed'),
    port: str('port'),
    json: str('json'),
    report: Array.isArray(raw.report) ? raw.report : [],
    lang: str('lang'),
    'server-cmd': str('server-cmd'),
    'client-cmd': str('client-cmd'),
    server: str('server'),
    client: str('client'),
    rubric: str('rubric') ?? 'kit',
    sandbox: flag('sandbox'),
    help: flag('help'),
    class: str('class'),
    out: str('out'),
    jobs: str('jobs'),
    force: flag('force'),
    'csv-delimiter': str('csv-delimiter') ?? ',',
    'no-sandbox': flag('no-sandbox'),
  };
  if (positionals.length > 1) throw new SetupError({ kind: 'too-many-folders', folders: positionals.join(', ') });
  if (values.lang !== undefined && !isLang(values.lang)) throw new SetupError({ kind: 'bad-lang', value: values.lang });
  // Without a folder, a named program's folder is the submission; else the kit's own exercises/,
  // whatever folder the command was typed in.
  const delimiter = values['csv-delimiter'];
  if (delimiter !== ',' && delimiter !== ';') throw new SetupError({ kind: 'bad-csv-delimiter', value: delimiter });
  if (values.class !== undefined && positionals.length > 0) throw new SetupError({ kind: 'too-many-folders', folders: [values.class, ...positionals].join(', ') });
  const classFolder = values.class === undefined ? undefined : path.resolve(cwd, values.class);
  if (classFolder !== undefined && (values.report.length > 0 || values.json !== undefined)) throw new SetupError({ kind: 'report-with-class' });
  const named = values.server ?? values.client;
  const folderArg = positionals[0] ?? (named === undefined ? 'exercises' : path.dirname(named));
  const base = positionals[0] === undefined && named === undefined ? process.cwd() : cwd;
  return {
    folderArg,
    folder: path.resolve(base, folderArg),
    quick: values.quick,
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    port: integer('port', values.port, 1, 65_535),
    json: values.json === undefined ? undefined : path.resolve(cwd, values.json),
    reports: reportsAsked(values.report, values.json, cwd),
    typed: raw,
    lang: values.lang as Lang | undefined,
    serverCmd: values['server-cmd'],
    clientCmd: values['client-cmd'],
    server: values.server === undefined ? undefined : path.resolve(cwd, values.server),
    client: values.client === undefined ? undefined : path.resolve(cwd, values.client),
    serverArg: values.server,
    clientArg: values.client,
    rubric: values.rubric,
    sandbox: values.sandbox,
    help: values.help,
    classFolder,
    classFolderArg: values.class,
    out: values.out === undefined ? (classFolder === undefined ? undefined : `${classFolder.replace(/[\\/]+$/, '')}-grades`) : path.resolve(cwd, values.out),
    jobs: integer('jobs', values.jobs, 1, 64),
    force: values.force,
    csvDelimiter: delimiter,
    noSandbox: values['no-sandbox'],
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
    const at = report?.indexOf('=') ?? -1;
    if (report === undefined || at <= 0) return;
    const file = report.slice(at + 1);
    if (file !== '' && !file.startsWith('--')) found.push({ name: report.slice(0, at), file: path.resolve(cwd, file) });
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
