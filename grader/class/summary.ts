import type { Catalogue } from '../i18n/catalogue.ts';
import { escapeLine, escapeName } from '../report/escape.ts';
import type { StudentRow } from './student-grade.ts';

// The class in ten lines, at the end of a class grade: how many were graded and passed, the
// median score, the five mistakes most students made, and who could not be graded and why.

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Each diagnosis code with the students who got it, most frequent first. */
export function mistakesOf(rows: readonly StudentRow[]): { code: string; students: string[] }[] {
  const byCode = new Map<string, string[]>();
  for (const row of rows) for (const code of row.codes) byCode.set(code, [...(byCode.get(code) ?? []), row.student]);
  return [...byCode].map(([code, students]) => ({ code, students })).sort((a, b) => b.students.length - a.students.length || a.code.localeCompare(b.code));
}

/** For each check that applied to some student: how many it applied to, and how many got its points. */
export function checkPassRates(rows: readonly StudentRow[], checkIds: readonly string[]): { id: string; of: number; got: number }[] {
  return checkIds
    .map((id) => {
      const of = rows.filter((row) => id in row.points);
      return { id, of: of.length, got: of.filter((row) => (row.points[id] ?? 0) > 0).length };
    })
    .filter((check) => check.of > 0);
}

export function renderClassSummary(rows: readonly StudentRow[], text: Catalogue, notReached: number): string[] {
  const t = text.classGrade;
  const graded = rows.filter((row) => row.status === 'graded');
  const errors = rows.filter((row) => row.status === 'error');
  const percents = graded.filter((row) => row.maxScore > 0).map((row) => (100 * row.score) / row.maxScore);
  const lines = [t.summaryGraded(graded.length, rows.length + notReached, errors.length), t.summaryPassed(graded.filter((row) => row.passed).length, graded.length)];
  const middle = median(percents);
  if (middle !== undefined) lines.push(t.summaryMedian(middle.toFixed(1)));
  const mistakes = mistakesOf(graded).slice(0, 5);
  if (mistakes.length > 0) lines.push(t.summaryMistakes, ...mistakes.map((m) => t.summaryMistake(m.code, m.students.length)));
  for (const row of errors) lines.push(t.summaryError(escapeName(row.student), escapeLine(row.reason ?? '')));
  if (notReached > 0) lines.push(t.summaryStopped(notReached));
  return lines;
}
