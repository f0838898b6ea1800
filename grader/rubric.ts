import { severityOf, type DiagnosisCode, type Severity } from './diagnoses.ts';
import type { SkipReason, Status, Tier } from './result.ts';

// A rubric says, per tier and per check, whether a check is required and what it is worth, and
// which idle-timeout behaviour it accepts. Checks only say what they found; the rubric turns
// that into a status and points.

export interface TierRule {
  readonly required: boolean;
  readonly points: number;
  /** What a failed check of this tier shows as: conventions only ever warn. */
  readonly failsAs: 'fail' | 'warn';
  /** When students see the check where the grade is published (Gradescope's vocabulary); visible unless a rubric file says. */
  readonly visibility?: Visibility;
}

export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';
export const visibilities: readonly Visibility[] = ['visible', 'hidden', 'after_due_date', 'after_published'];

/**
 * stop: the server announces its timeout and stops (the kit's handout).
 * announce: it announces its timeout; whether it then stops or keeps listening is not judged.
 * either: it stops or announces on time; a silent stop is accepted too.
 */
export type TimeoutPolicy = 'stop' | 'announce' | 'either';
export const timeoutPolicies: readonly TimeoutPolicy[] = ['stop', 'announce', 'either'];

export interface Rubric {
  readonly name: string;
  readonly tiers: Readonly<Record<Tier, TierRule>>;
  readonly checks: Readonly<Record<string, Partial<Pick<TierRule, 'required' | 'points' | 'visibility'>>>>;
  readonly timeoutPolicy: TimeoutPolicy;
  /** Codes this rubric accepts: the check keeps its points and shows as a warning. */
  readonly accepts: readonly DiagnosisCode[];
}

export const kitRubric: Rubric = {
  name: 'kit',
  tiers: {
    core: { required: true, points: 3, failsAs: 'fail' },
    protocol: { required: true, points: 2, failsAs: 'fail' },
    robustness: { required: true, points: 2, failsAs: 'fail' },
    conventions: { required: false, points: 1, failsAs: 'warn' },
  },
  checks: {
    // A silent client is worth points, but a single-threaded server is what the lab teaches.
    'idle-client': { required: false },
  },
  timeoutPolicy: 'stop',
  accepts: [],
};

// The lab as it is commonly taught (lab contract §4, §5): what a first lab asks is required;
// framing, robustness and the rest earn points.
export const classicRubric: Rubric = {
  name: 'classic',
  tiers: {
    core: { required: true, points: 3, failsAs: 'fail' },
    protocol: { required: false, points: 2, failsAs: 'fail' },
    robustness: { required: false, points: 2, failsAs: 'fail' },
    conventions: { required: false, points: 1, failsAs: 'warn' },
  },
  checks: {},
  timeoutPolicy: 'announce',
  // Every classic client sends the typed text with no "\n" and no half-close (lab contract §4).
  // Nor did it say whether spaces around a message count: a server that strip()s is accepted.
  accepts: ['client-no-terminator', 'counts-stripped'],
};

export const builtInRubrics: Readonly<Record<string, Rubric>> = { kit: kitRubric, classic: classicRubric };

export function severityUnder(rubric: Rubric, code: DiagnosisCode): Severity {
  if (rubric.accepts.includes(code)) return 'accepted';
  if (code === 'timeout-keeps-running' && rubric.timeoutPolicy !== 'stop') return 'accepted';
  if (code === 'no-timeout-message' && rubric.timeoutPolicy === 'either') return 'accepted';
  return severityOf(code);
}

// Skips that mean "does not apply to this run" rather than "could not be shown".
const notApplicable: ReadonlySet<SkipReason> = new Set<SkipReason>(['quick-mode-only', 'full-grade-only', 'no-server-to-pair']);

export interface Weighed {
  readonly status: Status;
  readonly required: boolean;
  readonly points: number;
  readonly maxPoints: number;
  readonly severities: Readonly<Partial<Record<DiagnosisCode, Severity>>>;
  readonly visibility: Visibility;
}

export function weighCheck(rubric: Rubric, id: string, tier: Tier, found: { readonly diagnoses: readonly DiagnosisCode[]; readonly skipReason?: SkipReason }): Weighed {
  const rule = { ...rubric.tiers[tier], ...rubric.checks[id] };
  const maxPoints = found.skipReason && notApplicable.has(found.skipReason) ? 0 : rule.points;
  const severities = Object.fromEntries(found.diagnoses.map((code) => [code, severityUnder(rubric, code)])) as Partial<Record<DiagnosisCode, Severity>>;
  const weights = Object.values(severities);
  const base = { required: rule.required, maxPoints, severities, visibility: rule.visibility ?? 'visible' };
  if (found.skipReason) return { ...base, status: 'skip', points: 0 };
  if (weights.includes('error')) return { ...base, status: rule.failsAs, points: 0 };
  if (weights.includes('warning')) return { ...base, status: 'warn', points: 0 };
  return { ...base, status: weights.length > 0 ? 'warn' : 'pass', points: maxPoints };
}
