import { statSync } from 'node:fs';
import { unpackZip } from '../class/handed-in.ts';
import { grade } from '../grade.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { GradeResult } from '../result.ts';
import { colorsFor, noColors } from '../report/colors.ts';
import { escapeName } from '../report/escape.ts';
import { reporters, type ReportContext } from '../report/reporters.ts';
import { writeResultsFile } from '../report/results-file.ts';
import { loadRubric } from '../rubric-file.ts';
import type { CliOptions } from './args.ts';
import { LiveProgress } from './live-progress.ts';
import { repeatCommand } from './repeat-command.ts';

// One submission graded from the command line, with its live progress on stderr, and its
// reports written: what a plain run does once, --repeat N times and --watch on every save.

/** What the command line's interrupt handler calls: what is drawn in place is rubbed out first. */
export interface Interruptible {
  clear?: () => void;
}

export interface LiveRun {
  readonly seed?: number;
  readonly quick?: boolean;
  /** Off a terminal, no line per check (--repeat prints a line per run instead). */
  readonly quiet?: boolean;
}

/** One grade of the options' submission; `seed` and `quick` as given, else as the options say. */
export async function gradeLive(options: CliOptions, text: Catalogue, interruptible: Interruptible, run: LiveRun = {}): Promise<GradeResult> {
  // A student's .zip (a class report's "repeat this run" names one) is graded unpacked.
  const handedIn = /\.zip$/i.test(options.folder) && statSync(options.folder, { throwIfNoEntry: false })?.isFile() ? await unpackZip(options.folder) : undefined;
  const live = new LiveProgress(process.stderr, text, colorsFor(process.stderr, process.env), { plainLines: !run.quiet });
  interruptible.clear = () => live.stop();
  return grade({
    folder: handedIn?.folder ?? options.folder,
    rubric: loadRubric(options.rubric, process.env.INIT_CWD ?? process.cwd()),
    quick: run.quick ?? options.quick,
    seed: run.seed ?? options.seed,
    fixedPort: options.port,
    serverCommand: options.serverCmd,
    clientCommand: options.clientCmd,
    serverFile: options.server,
    clientFile: options.client,
    sandbox: options.sandbox,
    selection: options.selection,
    onProgress: live.onProgress,
  }).finally(() => {
    live.stop();
    handedIn?.remove();
  });
}

/** What every reporter of one grade is given. */
export function reportContext(options: CliOptions, text: Catalogue, result: GradeResult): ReportContext {
  const repeat = repeatCommand(options, result.seed);
  return {
    text,
    colors: colorsFor(process.stdout, process.env),
    repeatCommand: repeat.command,
    repeatPasteable: repeat.pasteable,
    folderLabel: options.folderArg,
    // The terminal's width, for cutting long lines of a program's output (a file or pipe: 80).
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    verbose: options.verbose,
  };
}

/** The report on stdout (or one format in its place), and every other format to its file. */
export function writeReports(options: CliOptions, text: Catalogue, result: GradeResult): void {
  const context = reportContext(options, text, result);
  const inPlace = options.reports.find((report) => report.file === undefined);
  process.stdout.write(reporters[inPlace?.name ?? 'terminal'](result, inPlace ? { ...context, colors: noColors } : context));
  for (const report of options.reports) {
    if (report.file === undefined) continue;
    writeResultsFile(report.file, reporters[report.name](result, { ...context, colors: noColors }));
    (inPlace ? process.stderr : process.stdout).write(`${text.cli.jsonWritten(escapeName(report.file))}\n`);
  }
}
