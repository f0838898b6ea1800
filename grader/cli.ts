import { ZipRefused } from './class/unzip.ts';
import { parseCliArgs, peekLang, peekReportFiles, type CliOptions } from './cli/args.ts';
import { renderExplanation } from './report/explain.ts';
import { findSubmission } from './submission/find.ts';
import { languageOfFile } from './submission/language.ts';
import type { ProgramLanguage } from './result.ts';
import { usageText } from './cli/option-table.ts';
import { runClassCommand } from './cli/class-command.ts';
import { gradeLive, writeReports, type Interruptible } from './cli/grade-command.ts';
import { runRepeat } from './cli/repeat-grades.ts';
import { runWatch } from './cli/watch-grades.ts';
import type { Catalogue } from './i18n/catalogue.ts';
import { catalogues, langFromEnvironment } from './i18n/index.ts';
import { killAllPrograms } from './process/registry.ts';
import { colorsFor } from './report/colors.ts';
import { errorRenderers, type RunFailure } from './report/error-json.ts';
import { escapeLine } from './report/escape.ts';
import { writeResultsFile } from './report/results-file.ts';
import { setupLine } from './report/setup-line.ts';
import { inPrivateNetwork, runInPrivateNetwork } from './sandbox/private-network.ts';
import { requireSandbox } from './sandbox/support.ts';
import { SetupError } from './setup-error.ts';
import { chooseLang, readSettings } from './settings.ts';

// The only place that writes to the terminal and exits. Exit status: 0 every required check
// passed, 1 one failed, 2 a usage or setup error (lab contract §8). Whatever it prints that
// came from the submission, the machine or an error's message is escaped (report/escape.ts).

/** An error's message, which may hold a file's name, as one escaped line. */
function crashedLine(text: Catalogue, error: unknown): string {
  return text.cli.crashed(escapeLine(error instanceof Error ? error.message : String(error)));
}

/** The language the student's programs are written in, for --explain's example; undefined where none is found. */
function programLanguageIn(options: CliOptions): ProgramLanguage | undefined {
  try {
    const { server, client } = findSubmission(options.folder, ['server', 'client'], { server: options.server, client: options.client });
    const language = [server, client].flatMap((file) => (file === undefined ? [] : [languageOfFile(file)?.language]))[0];
    return language === undefined ? undefined : language === 'python' ? 'python' : 'node';
  } catch {
    return undefined;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  // A run that stops before its settings are read speaks --lang, or the locale's language.
  let text = catalogues[peekLang(argv) ?? langFromEnvironment(process.env)];
  try {
    const settings = readSettings();
    text = catalogues[chooseLang(peekLang(argv), process.env, settings)];
    const options = parseCliArgs(argv, process.env.INIT_CWD ?? process.cwd(), settings);
    if (options.help) {
      process.stdout.write(`${usageText(text)}\n`);
      return 0;
    }
    if (options.explain !== undefined) {
      process.stdout.write(renderExplanation(options.explain, text, programLanguageIn(options), colorsFor(process.stdout, process.env)));
      return 0;
    }
    // A class is code you did not write: in the sandbox unless --no-sandbox says otherwise.
    const sandbox = options.classFolder === undefined ? options.sandbox : !options.noSandbox;
    if (sandbox && !inPrivateNetwork()) {
      if (options.classFolder !== undefined) requireSandboxForClass(text);
      else requireSandbox();
      return await runInPrivateNetwork();
    }
    const lastWords: LastWords = {};
    endProgramsOnInterrupt(lastWords, text);
    if (options.classFolder !== undefined) return await runClassCommand(options, text, sandbox, lastWords);
    if (options.repeat !== undefined) return await runRepeat(options, text, lastWords);
    if (options.watch) return await runWatch(options, text, lastWords);
    const result = await gradeLive(options, text, lastWords);
    writeReports(options, text, result);
    return result.passed ? 0 : 1;
  } catch (error) {
    const failure = failureOf(text, error);
    process.stderr.write(`${failure.message}\n`);
    if (process.env.LAB_GRADER_DEBUG && error instanceof Error && !(error instanceof SetupError)) {
      process.stderr.write(`${(error.stack ?? '').split('\n').map((line) => escapeLine(line, Number.POSITIVE_INFINITY)).join('\n')}\n`);
    }
    recordFailure(text, failure, peekReportFiles(argv, process.env.INIT_CWD ?? process.cwd()));
    return 2;
  }
}

function failureOf(text: Catalogue, error: unknown): RunFailure {
  if (error instanceof SetupError) {
    const { kind, ...details } = error.problem;
    return { kind, message: setupLine(text, error.problem), details };
  }
  if (error instanceof ZipRefused) return { kind: 'zip-refused', message: text.classGrade.zipRefused(error.refusal), details: { ...error.refusal } };
  return { kind: 'grader-failed', message: crashedLine(text, error) };
}

/** With --json, a run that could not grade still leaves a results file saying why (exit status 2). */
function recordFailure(text: Catalogue, failure: RunFailure, files: readonly { readonly name: string; readonly file: string }[]): void {
  for (const { name, file } of files) {
    const render = errorRenderers[name];
    if (render === undefined) continue;
    try {
      writeResultsFile(file, render(failure));
    } catch (error) {
      // The file that could not be written is often the failure itself: said once, not twice.
      const line = crashedLine(text, error);
      if (line !== failure.message) process.stderr.write(`${line}\n`);
    }
  }
}

// Whatever ends the grader, nothing it started outlives it.
/** Where the sandbox cannot run, a class grade stops with why, and how to go on without it. */
function requireSandboxForClass(text: Catalogue): void {
  try {
    requireSandbox();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    process.stderr.write(`${setupLine(text, error.problem)}\n`);
    throw new SetupError({ kind: 'class-needs-sandbox' });
  }
}

/** What an interrupted run says after "interrupted": a class, how far it got. */
export interface LastWords extends Interruptible {
  line?: () => string;
}

function endProgramsOnInterrupt(lastWords: LastWords, text: Catalogue): void {
  process.on('exit', () => killAllPrograms());
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      killAllPrograms();
      lastWords.clear?.();
      // Rubs out a class's status line first, if one is drawn.
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[2K' : '\n'}${text.cli.interrupted}\n`);
      if (lastWords.line) process.stderr.write(`${lastWords.line()}\n`);
      process.exit(status);
    });
  }
}

process.exitCode = await main(process.argv.slice(2));
// Sockets or pipes a submission left behind must not keep the grader alive.
process.exit();
