import type { CheckFinding, CheckResult, Part } from './result.ts';

// What a grade tells while it runs, for the live progress a student watches (cli/live-progress.ts):
// plain data, in the order things happen. The verdicts in the result are still weighed once, at
// the end (score.ts); a judged event carries the same weighing of one finding, for its line.

export type ProgressEvent =
  /** Every check of this grade, in the report's order, before any runs. */
  | { readonly kind: 'planned'; readonly checks: readonly { readonly id: string; readonly part: Part }[] }
  | { readonly kind: 'started'; readonly id: string; readonly part: Part; readonly atMs: number }
  | { readonly kind: 'judged'; readonly check: CheckResult; readonly atMs: number }
  /** Check `id`'s copy of the server had its last client: its idle timeout is due at about `untilMs`. */
  | { readonly kind: 'idle-wait'; readonly id: string; readonly untilMs: number; readonly atMs: number };

export type OnProgress = (event: ProgressEvent) => void;

/** What the schedulers tell: a check starting, a finding, the idle timeout awaited (grade.ts weighs findings). */
export interface ProgressSink {
  started(id: string, part: Part): void;
  judged(finding: CheckFinding): void;
  idleWait(id: string, inMs: number): void;
}

export const silentProgress: ProgressSink = { started: () => undefined, judged: () => undefined, idleWait: () => undefined };
