// Every wait of a server grade, in one place. A full grade checks the lab's default idle
// timeout (10 s, SOCKET_TIMEOUT unset); --quick passes a short SOCKET_TIMEOUT instead.

export interface Timing {
  readonly quick: boolean;
  /** What the grader passes as SOCKET_TIMEOUT; undefined in a full grade. */
  readonly socketTimeoutEnv?: number;
  /** The idle timeout the server should have. */
  readonly idleTimeoutMs: number;
  readonly idleToleranceMs: number;
  readonly defaultIdleTimeoutMs: number;
  readonly startTimeoutMs: number;
  readonly replyTimeoutMs: number;
  readonly segmentDelayMs: number;
  /** How long a line-terminated message may go unanswered before the grader half-closes. */
  readonly lineReplyTimeoutMs: number;
  /** How long the grader watches for the server closing after its reply. */
  readonly closeWatchMs: number;
  /** How long a crash has to show once a reply is missing. */
  readonly crashWatchMs: number;
  /** How long a server may go on after announcing its timeout before it counts as still running. */
  readonly stopAfterMessageMs: number;
  /** The whole grade's deadline (lab contract §6): far above a real grade, which is bounded step by step. */
  readonly runDeadlineMs: number;
}

export const defaultIdleTimeoutSeconds = 10;
export const quickIdleTimeoutSeconds = 2;

export function timingFor(quick: boolean): Timing {
  const socketTimeoutEnv = quick ? quickIdleTimeoutSeconds : undefined;
  return {
    quick,
    socketTimeoutEnv,
    idleTimeoutMs: (socketTimeoutEnv ?? defaultIdleTimeoutSeconds) * 1000,
    // Quick grades run on busy machines too (a class's self-checks, a test suite): 0.75 s of slack,
    // still far from half the timeout, which is a real mistake.
    idleToleranceMs: quick ? 750 : 1000,
    defaultIdleTimeoutMs: defaultIdleTimeoutSeconds * 1000,
    startTimeoutMs: 10_000,
    replyTimeoutMs: 2_000,
    segmentDelayMs: 250,
    lineReplyTimeoutMs: 1_000,
    closeWatchMs: 1_000,
    crashWatchMs: 300,
    stopAfterMessageMs: 1_000,
    runDeadlineMs: 180_000,
  };
}
