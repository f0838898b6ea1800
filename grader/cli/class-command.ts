import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { classEntries } from '../class/entries.ts';
import { defaultJobs, gradeClass } from '../class/grade-class.ts';
import { progressLine } from '../class/progress.ts';
import { renderClassSummary } from '../class/summary.ts';
import type { StudentRow } from '../class/student-grade.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import { escapeLine, escapeName } from '../report/escape.ts';
import { loadRubric } from '../rubric-file.ts';
import { SetupError } from '../setup-error.ts';
import type { LastWords } from '../cli.ts';
import type { CliOptions } from './args.ts';
import { kitFile } from '../kit-root.ts';

// `npm run grade -- --class <folder>`: a whole class in one command. Exit status 0 once the
// class was graded, whatever the scores (a student who could not be graded has a row saying
// why); 2 for a usage or setup error. The sandbox question is settled by cli.ts first.

// A new kit version may judge differently: its grades are not reused.
const kitVersion = (JSON.parse(readFileSync(kitFile('package.json'), 'utf8')) as { version: string }).version;

export async function runClassCommand(options: CliOptions, text: Catalogue, sandbox: boolean, lastWords: LastWords): Promise<number> {
  const folder = options.classFolder as string;
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new SetupError({ kind: 'not-a-class-folder', path: folder });
  const out = options.out as string;
  const rubric = loadRubric(options.rubric, process.env.INIT_CWD ?? process.cwd());
  const jobs = options.jobs ?? defaultJobs();
  const t = text.classGrade;
  const outcome = (row: StudentRow) =>
    row.status === 'error'
      ? t.error(escapeLine(row.reason ?? ''))
      : (row.passed ? t.passed : t.failed)(row.score, row.maxScore, (row.durationMs / 1000).toFixed(1));
  const entries = classEntries(folder);
  const count = entries.length;
  process.stdout.write(`${t.start(count, escapeName(folder), jobs, sandbox)}\n`);
  const live = process.stdout.isTTY === true;
  const tally = { passed: 0, failed: 0, errors: 0 };
  const startedAt = performance.now();
  let graded = 0;
  // Ctrl-C: every student graded so far has their record; the next run goes on from there.
  lastWords.line = () => t.interrupted(graded, count, escapeName(out));
  if (live) process.stdout.write(progressLine({ done: 0, total: count, ...tally, elapsedMs: 0 }, text, process.stdout.columns || 80));
  const grade = await gradeClass({
    entries,
    out,
    rubric,
    quick: options.quick,
    sandbox,
    seed: options.seed,
    fixedPort: options.port,
    text,
    // The reports are in the report's language: another language is another grade.
    gradeKey: JSON.stringify({ kitVersion, rubric, quick: options.quick, seed: options.seed ?? null, port: options.port ?? null, lang: text.report.title }),
    force: options.force,
    jobs,
    csvDelimiter: options.csvDelimiter,
    reports: options.reports.map((report) => report.name),
    onStudent: (row, done, total, resumed) => {
      graded = done;
      const shown = outcome(row);
      tally[row.status === 'error' ? 'errors' : row.passed ? 'passed' : 'failed'] += 1;
      // On a terminal the status line is rubbed out, the student's line written, the status drawn again.
      const status = live ? `${progressLine({ done, total, ...tally, elapsedMs: performance.now() - startedAt }, text, process.stdout.columns || 80)}` : '';
      process.stdout.write(`${live ? '\r\x1b[2K' : ''}${t.progress(done, total, escapeName(row.student), resumed ? t.resumed(shown) : shown)}\n${status}`);
    },
  });
  if (live) process.stdout.write('\r\x1b[2K');
  process.stdout.write(`\n${renderClassSummary(grade.rows, text, grade.notReached).join('\n')}\n`);
  process.stdout.write(`${text.classPage.terminalLine(grade.lookAlikes.pairs.length, grade.lookAlikes.copies.length)}\n`);
  process.stdout.write(`${t.written(escapeName(out), escapeName(path.basename(grade.gradebook)))}\n`);
  return 0;
}
