import type { Catalogue } from '../i18n/catalogue.ts';
import type { GradeResult } from '../result.ts';
import type { Colors } from './colors.ts';
import { passes } from '../score.ts';
import { notJudgedInThisMode } from './terminal-check.ts';

// --watch: what changed between two quick grades of the same submission, as a student reads it
// after a save: the checks it fixed, the ones it broke, or that nothing changed.

export interface Changes {
  readonly fixed: readonly string[];
  readonly broke: readonly string[];
}

export function changesBetween(before: GradeResult, after: GradeResult): Changes {
  const earlier = new Map(before.checks.map((check) => [check.id, check.status]));
  const judged = after.checks.filter((check) => earlier.has(check.id) && !notJudgedInThisMode(check));
  return {
    fixed: judged.filter((check) => passes(check.status) && !passes(earlier.get(check.id))).map((check) => check.id),
    broke: judged.filter((check) => !passes(check.status) && passes(earlier.get(check.id))).map((check) => check.id),
  };
}

export function changeLines(changes: Changes | undefined, text: Catalogue, c: Colors): string[] {
  const w = text.watch;
  if (changes === undefined) return [];
  if (changes.fixed.length === 0 && changes.broke.length === 0) return [c.bold(w.sinceLast), `  ${w.nothingChanged}`, ''];
  return [
    c.bold(w.sinceLast),
    ...(changes.fixed.length > 0 ? [`  ${c.green(w.fixed(changes.fixed.join(', ')))}`] : []),
    ...(changes.broke.length > 0 ? [`  ${c.red(w.broke(changes.broke.join(', ')))}`] : []),
    '',
  ];
}
