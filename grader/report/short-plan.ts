import type { DiagnosisCode } from '../diagnoses.ts';
import type { CheckResult, Evidence, GradeResult } from '../result.ts';

// What the short report (the default on a terminal; --verbose shows everything) says about each
// check. A student fixes one cause at a time, so: the first failure, in the order the checks
// depend on each other, is shown at the top as what to fix first; each other distinct failure
// (the same codes under several checks are one cause) is shown in full once, and its repeats
// in one line; a difference the rubric accepts is one line; a note that repeats (the server
// was restarted) is said once. A pure function of the result data.

export type Disclosure =
  /** Passed, accepted, or skipped: its line (and an accepted code's meaning, the first time). */
  | { readonly kind: 'line'; readonly firstAccepted: readonly DiagnosisCode[] }
  /** A failure shown in full: evidence, transcript, meaning and what to do. */
  | { readonly kind: 'full'; readonly fixFirst: boolean; readonly notesSaidBefore: ReadonlySet<Evidence['key']> }
  /** A failure with the same codes as one shown in full above. */
  | { readonly kind: 'same-as'; readonly checkId: string };

export interface ShortPlan {
  /** The check whose failure is the one to fix first, shown at the top. */
  readonly fixFirst?: CheckResult;
  readonly disclosure: ReadonlyMap<string, Disclosure>;
}

/** Evidence that says the same thing wherever it appears: said under the first check only. */
const repeatingNotes: ReadonlySet<Evidence['key']> = new Set<Evidence['key']>(['server-restarted', 'message-resent']);

/** A check that did not pass, or passed with a difference the rubric does not accept. */
export const isFailure = (check: CheckResult) => check.status === 'fail' || (check.status === 'warn' && check.diagnoses.some((code) => check.severities[code] !== 'accepted'));

/** The report's order is the order of dependence: the server before the client, the list top down. */
export function planShortReport(result: GradeResult): ShortPlan {
  const ordered = [...result.checks.filter((check) => check.part === 'server'), ...result.checks.filter((check) => check.part === 'client')];
  const fixFirst = ordered.find((check) => check.status === 'fail' && check.required) ?? ordered.find((check) => check.status === 'fail') ?? ordered.find(isFailure);
  const disclosure = new Map<string, Disclosure>();
  const shownCause = new Map<string, string>();
  const acceptedSaid = new Set<DiagnosisCode>();
  const notesSaid = new Set<Evidence['key']>();
  const showInFull = (check: CheckResult, first: boolean) => {
    disclosure.set(check.id, { kind: 'full', fixFirst: first, notesSaidBefore: new Set(notesSaid) });
    for (const e of check.evidence) if (repeatingNotes.has(e.key)) notesSaid.add(e.key);
    shownCause.set(causeOf(check), check.id);
  };
  if (fixFirst) showInFull(fixFirst, true);
  for (const check of ordered) {
    if (check === fixFirst) continue;
    if (!isFailure(check)) {
      const firstAccepted = check.diagnoses.filter((code) => !acceptedSaid.has(code));
      for (const code of firstAccepted) acceptedSaid.add(code);
      disclosure.set(check.id, { kind: 'line', firstAccepted });
      continue;
    }
    const same = shownCause.get(causeOf(check));
    if (same !== undefined && check.diagnoses.length > 0) disclosure.set(check.id, { kind: 'same-as', checkId: same });
    else showInFull(check, false);
  }
  return { fixFirst, disclosure };
}

/** Checks that fail with the same codes fail for the same cause (a crash or a grader error: each its own). */
function causeOf(check: CheckResult): string {
  if (check.error || check.diagnoses.length === 0 || check.diagnoses.includes('crashed')) return `own:${check.id}`;
  return [...check.diagnoses].sort().join(',');
}
