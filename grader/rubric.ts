import { severityOf } from './diagnoses.ts';
import type { CheckOutcome, SkipReason, Status, Tier } from './result.ts';

// A rubric says, per tier and per check, whether a check is required and what it is worth.
// Checks only say what they found; the rubric turns that into a status and points.

export interface TierRule {
  readonly required: boolean;
  readonly points: number;
  /** What a failed check of this tier shows as: conventions only ever warn. */
  readonly failsAs: 'fail' | 'warn';
}

export interface Rubric {
  readonly name: string;
  readonly tiers: Readonly<Record<Tier, TierRule>>;
  readonly checks: Readonly<Record<string, Partial<Pick<TierRule, 'required' | 'points'>>>>;
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
};

// Skips that mean "does not apply to this run" rather than "could not be shown".
const notApplicable: ReadonlySet<SkipReason> = new Set<SkipReason>(['quick-mode-only']);

export interface Scored {
  readonly status: Status;
  readonly required: boolean;
  readonly points: number;
  readonly maxPoints: number;
}

export function scoreCheck(rubric: Rubric, id: string, tier: Tier, outcome: CheckOutcome): Scored {
  const rule = { ...rubric.tiers[tier], ...rubric.checks[id] };
  const maxPoints = outcome.skipped && notApplicable.has(outcome.skipped) ? 0 : rule.points;
  const severities = outcome.diagnoses.map(severityOf);
  const base = { required: rule.required, maxPoints };
  if (outcome.skipped) return { ...base, status: 'skip', points: 0 };
  if (severities.includes('error')) return { ...base, status: rule.failsAs, points: 0 };
  if (severities.includes('warning')) return { ...base, status: 'warn', points: 0 };
  return { ...base, status: severities.length > 0 ? 'warn' : 'pass', points: maxPoints };
}

