import type { Catalogue } from '../i18n/catalogue.ts';
import { randomSeed } from '../random.ts';
import { colorsFor } from '../report/colors.ts';
import { escapeLine } from '../report/escape.ts';
import { renderRepeat, type RepeatRun } from '../report/repeat-summary.ts';
import { notJudgedInThisMode } from '../report/terminal-check.ts';
import { passes } from '../score.ts';
import type { CliOptions } from './args.ts';
import { gradeLive, type Interruptible } from './grade-command.ts';
import { repeatCommand } from './repeat-command.ts';

// --repeat N: N grades one after another, each with a fresh seed (one at a time: grades side by
// side would share two cores, and a timing check would flicker for the grader's sake, not the
// program's). A line per run on stderr; the pass rates on stdout. Exit status 0 only when the
// grade passed every time.

export async function runRepeat(options: CliOptions, text: Catalogue, interruptible: Interruptible): Promise<number> {
  const runs: RepeatRun[] = [];
  const total = options.repeat ?? 1;
  const c = colorsFor(process.stderr, process.env);
  for (let n = 1; n <= total; n += 1) {
    const result = await gradeLive(options, text, interruptible, { seed: randomSeed(), quiet: true });
    const judged = result.checks.filter((check) => !notJudgedInThisMode(check));
    const passed = judged.filter((check) => passes(check.status)).length;
    process.stderr.write(`${c.dim(text.repeat.runLine(n, total, result.seed, result.passed, passed, judged.length))}\n`);
    runs.push({ seed: result.seed, passed: result.passed, checks: judged.map(({ id, part, status }) => ({ id, part, status })) });
  }
  const replay = (seed: number) => escapeLine(repeatCommand(options, seed).command, Number.POSITIVE_INFINITY);
  process.stdout.write(renderRepeat(runs, { text, c: colorsFor(process.stdout, process.env), folderLabel: options.folderArg, quick: options.quick, replay }));
  return runs.every((run) => run.passed) ? 0 : 1;
}
