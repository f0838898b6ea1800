import type { SkipReason } from '../../result.ts';

// Every skip reason that points to another check ("see serves-clients-in-turn") must be true
// of the run: that check must have said so. This is the list of such claims.

interface Judged {
  readonly id: string;
  readonly diagnoses: readonly string[];
  readonly skipReason?: string;
}

const has = (checks: readonly Judged[], id: string, code: string) => checks.some((check) => check.id === id && check.diagnoses.includes(code));
const anyCrash = (checks: readonly Judged[]) =>
  checks.some((check) => check.diagnoses.some((code) => code === 'crashed' || code.startsWith('crash-on-') || code === 'decodes-per-segment'));

const claims: Partial<Record<SkipReason, (checks: readonly Judged[]) => boolean>> = {
  'stopped-after-first-client': (checks) => has(checks, 'serves-clients-in-turn', 'exits-after-first-client'),
  'no-reply-to-line': (checks) => checks.some((check) => check.id === 'newline-framing' && check.diagnoses.length > 0),
  'no-idle-timeout-seen': (checks) => has(checks, 'idle-timeout', 'no-idle-timeout'),
  'timeout-judged-elsewhere': (checks) => has(checks, 'idle-timeout', 'wrong-idle-timeout'),
  'crashed-at-timeout': (checks) => has(checks, 'idle-timeout', 'crashed'),
  'crashed-before-timeout': anyCrash,
  'crashed-on-first-client': anyCrash,
};

/** The skips of a grade whose reason claims something the grade does not show, as "check: reason". */
export function unbackedSkips(checks: readonly Judged[]): string[] {
  return checks
    .filter((check) => check.skipReason !== undefined && claims[check.skipReason as SkipReason]?.(checks) === false)
    .map((check) => `${check.id}: ${check.skipReason}`);
}
