import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quoteForShells } from '../cli/repeat-command.ts';
import { grade } from '../grade.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { StartGate } from '../process/start-gate.ts';
import { noColors } from '../report/colors.ts';
import { escapeLine } from '../report/escape.ts';
import { reporters, studentReportFiles, type ReporterName } from '../report/reporters.ts';
import { setupLine } from '../report/setup-line.ts';
import type { GradeResult } from '../result.ts';
import type { Rubric } from '../rubric.ts';
import { SetupError } from '../setup-error.ts';
import { contentHash, contentHashOfFiles } from './content-hash.ts';
import { fingerprintOfFolder } from './fingerprint.ts';
import type { ClassEntry } from './entries.ts';
import { gatherFiles, unpackZip, type HandedIn } from './handed-in.ts';
import { ZipRefused } from './unzip.ts';

/** Where a student's loose files are copied to, in their folder of the out folder. */
const handedInFolder = 'handed-in';

// One student of a class: unpacked if it is a .zip, graded like a single submission, its
// report and results written into its own folder of the class's out folder, and summed up in
// one row of plain data. A submission that cannot be graded still gets a row, saying why.

export interface StudentRow {
  readonly student: string;
  readonly status: 'graded' | 'error';
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  /** Points per check id, for the checks that applied to this run (graded rows only). */
  readonly points: Readonly<Record<string, number>>;
  readonly codes: readonly string[];
  /** The report's path, relative to the out folder. */
  readonly report?: string;
  /** Why it could not be graded, in the report's language. */
  readonly reason?: string;
  /** The kind of problem (a setup problem's kind, zip-refused, grader-failed). */
  readonly problem?: string;
  readonly durationMs: number;
}

export interface StudentGradeOptions {
  readonly out: string;
  readonly rubric: Rubric;
  readonly quick: boolean;
  readonly sandbox: boolean;
  readonly seed?: number;
  readonly fixedPort?: number;
  readonly text: Catalogue;
  /** What makes a grade the same grade again: rubric, kit version, mode. */
  readonly gradeKey: string;
  /** The stubs' fingerprint, taken out of every student's. */
  readonly template: ReadonlySet<number>;
  readonly force: boolean;
  /** Shared by the class's grades (process/start-gate.ts). */
  readonly startGate?: StartGate;
  /** Formats written in each student's folder besides the report and its JSON (--report NAME). */
  readonly reports?: readonly ReporterName[];
}

/** Every student's folder has the report to read and its JSON; --report adds formats. */
const formatsOf = (options: StudentGradeOptions): ReporterName[] => [...new Set<ReporterName>(['terminal', 'json', ...(options.reports ?? [])])];

interface Recorded {
  readonly hash: string;
  readonly gradeKey: string;
  readonly row: StudentRow;
  /** The shape of its code, for finding submissions that look alike (fingerprint.ts). */
  readonly fingerprint: readonly number[];
}

export interface StudentGrade {
  readonly row: StudentRow;
  readonly resumed: boolean;
  readonly fingerprint: readonly number[];
}

/** The student's row: recorded from an earlier run when nothing changed since, or graded now. */
export async function gradeStudent(entry: ClassEntry, options: StudentGradeOptions): Promise<StudentGrade> {
  const folder = path.join(options.out, entry.slug);
  const recordFile = path.join(folder, 'grade-record.json');
  const hash = entry.kind === 'files' ? contentHashOfFiles(entry.files ?? []) : contentHash(entry.path);
  const earlier = readRecord(recordFile);
  // A format asked for since the last run is written by grading again (a row in error has its reason alone).
  const formats = earlier?.row.status === 'graded' ? formatsOf(options) : ['terminal' as const];
  const written = formats.every((name) => existsSync(path.join(folder, studentReportFiles[name])));
  if (!options.force && written && earlier?.fingerprint && earlier.hash === hash && earlier.gradeKey === options.gradeKey) return { ...earlier, resumed: true };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const { row, fingerprint } = await gradeNow(entry, folder, options);
  writeFileSync(recordFile, `${JSON.stringify({ hash, gradeKey: options.gradeKey, row, fingerprint } satisfies Recorded)}\n`);
  return { row, resumed: false, fingerprint };
}

async function gradeNow(entry: ClassEntry, folder: string, options: StudentGradeOptions): Promise<{ row: StudentRow; fingerprint: readonly number[] }> {
  const started = performance.now();
  const base = { student: entry.student, score: 0, maxScore: 0, passed: false, points: {}, codes: [] };
  const durationMs = () => Math.round(performance.now() - started);
  let handedIn: HandedIn | undefined;
  let fingerprint: readonly number[] = [];
  try {
    if (entry.kind === 'zip') handedIn = await unpackZip(entry.path);
    if (entry.kind === 'files') {
      handedIn = gatherFiles(entry.files ?? []);
      // Loose files have no folder of their own to grade again by hand: a copy in the student's folder is one.
      cpSync(handedIn.folder, path.join(folder, handedInFolder), { recursive: true });
    }
    const submission = handedIn?.folder ?? entry.path;
    fingerprint = fingerprintOfFolder(submission, options.template);
    const result = await grade({ folder: submission, rubric: options.rubric, quick: options.quick, seed: options.seed, fixedPort: options.fixedPort, sandbox: options.sandbox, startGate: options.startGate });
    writeReports(result, entry, folder, options);
    return { row: rowOf(result, entry, durationMs()), fingerprint };
  } catch (error) {
    const { problem, reason } = whyNotGraded(error, options.text);
    writeFileSync(path.join(folder, studentReportFiles.terminal), `${reason}\n`);
    return { row: { ...base, status: 'error', problem, reason, report: path.join(entry.slug, studentReportFiles.terminal), durationMs: durationMs() }, fingerprint };
  } finally {
    handedIn?.remove();
  }
}

function writeReports(result: GradeResult, entry: ClassEntry, folder: string, options: StudentGradeOptions): void {
  // A .zip is graded by hand as it is; loose files from the copy in the student's folder.
  const gradedByHand = entry.kind === 'files' ? path.join(folder, handedInFolder) : entry.path;
  const again = ['npm run grade --', quoteForShells(gradedByHand) ?? escapeLine(gradedByHand), `--seed ${result.seed}`, ...(options.quick ? ['--quick'] : []), `--rubric ${result.rubric}`];
  // The instructor's record of the grade: every check in full.
  const context = { text: options.text, colors: noColors, repeatCommand: again.join(' '), folderLabel: entry.student, verbose: true };
  for (const name of formatsOf(options)) {
    writeFileSync(path.join(folder, studentReportFiles[name]), reporters[name](result, context));
  }
}

function rowOf(result: GradeResult, entry: ClassEntry, durationMs: number): StudentRow {
  return {
    student: entry.student,
    status: 'graded',
    score: result.score,
    maxScore: result.maxScore,
    passed: result.passed,
    // A check that does not apply to this run (quick-mode-only, no server to pair) has no column value.
    points: Object.fromEntries(result.checks.filter((check) => check.maxPoints > 0).map((check) => [check.id, check.points])),
    codes: [...new Set(result.checks.flatMap((check) => check.diagnoses))].sort(),
    report: path.join(entry.slug, studentReportFiles.terminal),
    durationMs,
  };
}

function whyNotGraded(error: unknown, text: Catalogue): { problem: string; reason: string } {
  if (error instanceof SetupError) return { problem: error.problem.kind, reason: setupLine(text, error.problem) };
  if (error instanceof ZipRefused) return { problem: 'zip-refused', reason: text.classGrade.zipRefused(error.refusal) };
  return { problem: 'grader-failed', reason: text.cli.crashed(escapeLine(error instanceof Error ? error.message : String(error))) };
}

function readRecord(file: string): Recorded | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Recorded;
  } catch {
    return undefined;
  }
}
