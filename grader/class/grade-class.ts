import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import path from 'node:path';
import { serverChecks } from '../server/checks/index.ts';
import { clientChecks } from '../client/checks/index.ts';
import { StartGate } from '../process/start-gate.ts';
import type { ClassEntry } from './entries.ts';
import { lookAlikes, stubTemplate, type Fingerprinted } from './look-alikes.ts';
import { classReporters } from './class-reporters.ts';
import type { CsvDelimiter } from './gradebook.ts';
import { gradeStudent, type StudentGradeOptions, type StudentRow } from './student-grade.ts';

// Grading a class: every entry of the class folder is one student, graded as a single
// submission would be, `jobs` at a time (every grade runs its programs in networks of their
// own where Linux allows it, so fixed-port submissions run side by side). A grade mostly waits
// (on idle timeouts above all), so many run at once, while their programs' starts, where the
// CPU goes, pass a gate as cores allow. The rows keep the class folder's order whatever order
// the grades finish in.

export interface ClassGradeOptions extends Omit<StudentGradeOptions, 'out' | 'template' | 'startGate'> {
  /** The class folder's entries (entries.ts), read once by the caller. */
  readonly entries: readonly ClassEntry[];
  readonly out: string;
  readonly jobs: number;
  readonly csvDelimiter: CsvDelimiter;
  /** Told of each student as it is done, in the order they finish. */
  readonly onStudent?: (row: StudentRow, done: number, total: number, resumed: boolean) => void;
  /** Stops handing out new students (Ctrl-C); those running finish or are ended by the caller. */
  readonly signal?: AbortSignal;
}

export interface ClassGrade {
  readonly rows: readonly StudentRow[];
  readonly entries: readonly ClassEntry[];
  readonly gradebook: string;
  /** Students not graded because the run was stopped. */
  readonly notReached: number;
  readonly lookAlikes: ReturnType<typeof lookAlikes>;
  readonly summary: string;
}

/**
 * How many grades run at once unless told: a grade is mostly waiting, about 15 programs one after
 * another, a few at a time, each well under 100 MB; the start gate keeps the CPU's share fair.
 */
export function defaultJobs(): number {
  const byMemory = Math.floor(freemem() / (256 * 1024 * 1024));
  return Math.max(1, Math.min(32, availableParallelism() * 8, byMemory));
}

export const checkIds: readonly string[] = [...serverChecks, ...clientChecks].map((check) => check.id);

export async function gradeClass(options: ClassGradeOptions): Promise<ClassGrade> {
  const { entries } = options;
  mkdirSync(options.out, { recursive: true });
  const template = stubTemplate();
  const startGate = new StartGate(availableParallelism());
  const rows: (StudentRow | undefined)[] = entries.map(() => undefined);
  const fingerprints: (Fingerprinted | undefined)[] = entries.map(() => undefined);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < entries.length && !options.signal?.aborted) {
      const index = next;
      next += 1;
      const entry = entries[index] as ClassEntry;
      const { row, resumed, fingerprint } = await gradeStudent(entry, { ...options, template, startGate });
      rows[index] = row;
      fingerprints[index] = { student: row.student, fingerprint };
      done += 1;
      options.onStudent?.(row, done, entries.length, resumed);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, entries.length)) }, worker));
  const graded = rows.filter((row): row is StudentRow => row !== undefined);
  const alike = lookAlikes(fingerprints.filter((f): f is Fingerprinted => f !== undefined), template);
  const result = { rows: graded, checkIds, lookAlikes: alike, text: options.text, csvDelimiter: options.csvDelimiter };
  for (const reporter of Object.values(classReporters)) writeFileSync(path.join(options.out, reporter.file), reporter.render(result));
  const [gradebook, summary] = [classReporters.gradebook, classReporters.summary].map((reporter) => path.join(options.out, reporter.file)) as [string, string];
  return { rows: graded, entries, gradebook, notReached: entries.length - graded.length, lookAlikes: alike, summary };
}
