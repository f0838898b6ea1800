import type { CheckResult, Part } from '../result.ts';
import type { ShortPlan } from './short-plan.ts';
import { detailLines, indent, notJudgedInThisMode, partNotStarted, statusLabel, titleLine, weightOf, type Page } from './terminal-check.ts';

// The short report's lines (the plan is short-plan.ts): the failure to fix first at the top;
// in each part, every check that did not pass in order (a cause in full once, its repeats and
// accepted differences in a line), then the checks that passed, by id, in one block.

function shortCheckLines(check: CheckResult, plan: ShortPlan, page: Page): string[] {
  const { text, c } = page;
  const r = text.report;
  const disclosure = plan.disclosure.get(check.id);
  const codes = check.diagnoses.length > 0 ? c.dim(` · ${check.diagnoses.join(', ')}`) : '';
  if (disclosure?.kind === 'same-as') return [titleLine(check, page, `${codes} ${c.dim(r.sameCauseAs(disclosure.checkId))}`)];
  if (disclosure?.kind === 'full' && disclosure.fixFirst) return [titleLine(check, page, `${codes} ${c.dim(r.fixFirstAbove)}`)];
  // Another cause than the first: what happened and what to do; its transcript is in --verbose.
  if (disclosure?.kind === 'full') return [titleLine(check, page), ...detailLines(check, page, { verbose: false, compact: true, notesSaidBefore: disclosure.notesSaidBefore })];
  if (check.status === 'skip') return [titleLine(check, page), ...detailLines(check, page, { verbose: false })];
  // Passed with a difference the rubric accepts: one line, and the code's meaning the first time.
  const firstAccepted = disclosure?.kind === 'line' ? disclosure.firstAccepted : [];
  return [titleLine(check, page, codes), ...firstAccepted.map((code) => `${indent}${c.dim(`${code} ${weightOf(check, code, text)}: ${text.diagnoses[code].meaning}`)}`)];
}

/** Ids after a label, wrapped under it to the page's width. */
function wrappedIds(label: string, ids: readonly string[], columns: number): string[] {
  const lines: string[] = [];
  let line = label;
  for (const [i, id] of ids.entries()) {
    const word = `${id}${i < ids.length - 1 ? ',' : ''}`;
    if (line.length + 1 + word.length > columns && line.trim() !== label.trim()) {
      lines.push(line);
      line = ' '.repeat(label.length);
    }
    line = `${line} ${word}`;
  }
  return [...lines, line];
}

/** One part's checks in the short report; a part that never started is its first check (and the line terminal.ts adds). */
export function shortPartLines(part: Part, plan: ShortPlan, page: Page): string[] {
  const { result, text, c, columns } = page;
  const checks = result.checks.filter((check) => check.part === part);
  const listed = checks.filter((check) => check.status !== 'pass' && check.skipReason !== partNotStarted[part] && !notJudgedInThisMode(check));
  const passed = checks.filter((check) => check.status === 'pass');
  const notJudged = checks.filter(notJudgedInThisMode);
  const points = passed.reduce((sum, check) => sum + check.points, 0);
  const passLabel = `  ${statusLabel('pass', text, c)} ${`${points}/${points}`.padStart(5)} `;
  return [
    ...listed.flatMap((check) => shortCheckLines(check, plan, page)),
    ...(passed.length > 0 ? wrappedIds(`${passLabel} ${text.report.passedChecks(passed.length)}`, passed.map((check) => check.id), columns).map((line, i) => (i === 0 ? line : c.dim(line))) : []),
    ...(notJudged.length > 0 ? [`  ${c.dim(text.report.notJudgedInMode(notJudged.map((check) => check.id).join(', '), text.skips[notJudged[0]?.skipReason ?? 'full-grade-only']))}`] : []),
  ];
}

/** The block at the top of the short report: the failure to fix first, in full. */
export function fixFirstLines(plan: ShortPlan, page: Page): string[] {
  const check = plan.fixFirst;
  const disclosure = check && plan.disclosure.get(check.id);
  if (!check || disclosure?.kind !== 'full') return [];
  const { text, c } = page;
  return [
    c.bold(c.red(text.report.fixFirst(text.report.parts[check.part]))),
    titleLine(check, page),
    ...detailLines(check, page, { verbose: false, notesSaidBefore: disclosure.notesSaidBefore }),
    '',
  ];
}
