import type { GradeResult } from '../result.ts';

/** --only and --check as typed (ids the command line checked), for the line that says the score is not the grade. */
export function selectionText(result: GradeResult): string {
  const { only, checks } = result.selection ?? {};
  return [...(only ? [`--only ${only}`] : []), ...(checks ? [`--check ${checks.join(',')}`] : [])].join(' ');
}
