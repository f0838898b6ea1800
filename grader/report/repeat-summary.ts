import type { Catalogue } from '../i18n/catalogue.ts';
import type { Part, Status } from '../result.ts';
import type { Colors } from './colors.ts';
import { escapeLine, escapeName } from './escape.ts';
import { passes } from '../score.ts';

// --repeat N: the same submission graded N times with fresh seeds, as plain data, and what the
// student (or we, for the grader's own checks) reads of it: each check that did not give the
// same verdict every time, its pass rate and the seeds to replay the runs where it did not
// pass; the others in one line each; how often the grade passed.

export interface RepeatRun {
  readonly seed: number;
  readonly passed: boolean;
  readonly checks: readonly { readonly id: string; readonly part: Part; readonly status: Status }[];
}

export interface RepeatPage {
  readonly text: Catalogue;
  readonly c: Colors;
  readonly folderLabel: string;
  readonly quick: boolean;
  /** The command that grades again with one seed. */
  readonly replay: (seed: number) => string;
}

// Seeds shown per flickering check; the first one's replay line is printed in full.
const seedsShown = 5;

export function renderRepeat(runs: readonly RepeatRun[], page: RepeatPage): string {
  const { text, c } = page;
  const r = text.repeat;
  const ids = [...new Map(runs.flatMap((run) => run.checks.map((check) => [check.id, check.part] as const))).keys()];
  const statusIn = (run: RepeatRun, id: string) => run.checks.find((check) => check.id === id)?.status;
  const rows = ids.map((id) => ({ id, failedIn: runs.filter((run) => !passes(statusIn(run, id))).map((run) => run.seed) }));
  const flickering = rows.filter((row) => row.failedIn.length > 0 && row.failedIn.length < runs.length);
  const always = rows.filter((row) => row.failedIn.length === 0).map((row) => row.id);
  const never = rows.filter((row) => row.failedIn.length === runs.length).map((row) => row.id);
  const width = Math.max(0, ...flickering.map((row) => row.id.length));
  const lines = [
    c.bold(r.title(runs.length, escapeName(page.folderLabel), page.quick)),
    '',
    ...(flickering.length === 0
      ? [c.green(r.steady)]
      : [
          c.bold(c.yellow(r.flickering)),
          ...flickering.flatMap((row) => [
            `  ${row.id.padEnd(width)}  ${r.rate(runs.length - row.failedIn.length, runs.length)} · ${r.notPassedWith(row.failedIn.slice(0, seedsShown).join(', '), row.failedIn.length - seedsShown)}`,
            `  ${' '.repeat(width)}  ${c.dim(r.replay(escapeLine(page.replay(row.failedIn[0] as number), Number.POSITIVE_INFINITY)))}`,
          ]),
        ]),
    '',
    `${c.green(r.alwaysPassed(always.length))}${never.length > 0 ? ` · ${c.red(r.neverPassed(never.join(', ')))}` : ''}`,
    c.bold(r.gradePassed(runs.filter((run) => run.passed).length, runs.length)),
  ];
  return `${lines.join('\n')}\n`;
}
