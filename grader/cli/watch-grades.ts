import { watch } from 'node:fs';
import path from 'node:path';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { GradeResult } from '../result.ts';
import { colorsFor } from '../report/colors.ts';
import { escapeName } from '../report/escape.ts';
import { changeLines, changesBetween } from '../report/watch-changes.ts';
import type { CliOptions } from './args.ts';
import { gradeLive, reportContext, type Interruptible } from './grade-command.ts';
import { reporters } from '../report/reporters.ts';
import { setupLine } from '../report/setup-line.ts';
import { SetupError } from '../setup-error.ts';

// --watch (npm run watch): a quick grade now, and again each time a file of the submission is
// saved. Saves come in bursts (an editor writes a file in several steps, a student saves two
// files), so a grade starts once the folder has been still for a moment, and a save during a
// grade starts one more after it. On a terminal the screen is cleared before each report. Ctrl-C
// is the command line's interrupt: every program is ended and nothing is left behind.

const stillMs = 300;
// What a run leaves in the folder itself, and what is not the student's code.
const ignored = /(^|[\\/])(__pycache__|node_modules|\.git)([\\/]|$)|\.pyc$|~$|\.sw[px]$|^\.#/;

export async function runWatch(options: CliOptions, text: Catalogue, interruptible: Interruptible): Promise<number> {
  const c = colorsFor(process.stdout, process.env);
  let last: GradeResult | undefined;
  let grading = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let announced = false;
  // The "repeat this run" line of each report grades quick, as the watch does.
  const quickOptions: CliOptions = { ...options, quick: true, typed: { ...options.typed, quick: true } };

  const gradeNow = async () => {
    grading = true;
    announced = false;
    try {
      const result = await gradeLive(quickOptions, text, interruptible);
      const changes = last === undefined ? undefined : changesBetween(last, result);
      if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[3J\x1b[H');
      process.stdout.write(reporters.terminal(result, reportContext(quickOptions, text, result)));
      process.stdout.write(`\n${changeLines(changes, text, c).join('\n')}${changes ? '\n' : ''}`);
      last = result;
    } catch (error) {
      // A file saved half-way (no server.py for a moment, a syntax the grader cannot start) is
      // said in its line, and the next save grades again.
      if (!(error instanceof SetupError)) throw error;
      process.stdout.write(`${c.red(setupLine(text, error.problem))}\n`);
    } finally {
      grading = false;
      process.stdout.write(`${c.cyan(text.watch.watching(escapeName(options.folderArg)))}\n`);
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (grading) again = true;
      else void gradeNow().catch((error: unknown) => process.stderr.write(`${String(error)}\n`));
    }, stillMs);
  };

  await gradeNow();
  const watcher = watch(options.folder, { recursive: true }, (_event, name) => {
    if (name !== null && ignored.test(name)) return;
    if (!grading && !announced) process.stderr.write(`${c.dim(text.watch.saved(escapeName(path.join(options.folderArg, name ?? ''))))}\n`);
    announced = true;
    schedule();
  });
  // Ended by Ctrl-C: cli.ts ends every program and exits, and the watcher with it.
  return new Promise<number>((_, reject) => watcher.on('error', reject));
}
