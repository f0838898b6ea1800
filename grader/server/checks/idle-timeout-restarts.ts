import type { Evidence } from '../../result.ts';
import { asciiSentence } from '../../random.ts';
import { isCrash, type ServerCheck } from '../check.ts';
import { observeIdleTimeout, timedOutAfterMs, timedOutWithin, timeoutLineSince, unjudgedTimeout, type IdleObservation } from '../idle-observation.ts';

// "Stops after 10 s without a new connection": the wait starts again at every connection. A
// timer started once, when the server starts, passes idle-timeout (whose client connects at
// once) but stops this copy too early: its client connects `lateByMs` after the copy listens,
// so a timer from start-up fires `lateByMs` sooner after that connection than a restarted one.
// Judged only against a timeout idle-timeout found right, and only in a full grade: the quick
// grade's 2 s is too short to tell start-up from a late connection.
const lateByMs = 2_000;
// The copy is watched until `startupTimerMarginMs` past the moment a timer from start-up would
// have fired, and then ended: the grade need not wait for a right server's own stop, 2 s later.
// The margin is for the two copies' timers being seen at different delays on a busy machine.
const startupTimerMarginMs = 250;

export const idleTimeoutRestarts: ServerCheck = {
  id: 'idle-timeout-restarts',
  tier: 'core',
  runsOn: 'own',
  // Its copy is watched until past the idle timeout counted from when it listens: the last
  // wait of a full grade.
  copyStartsFirst: true,
  fullOnly: true,
  codes: ['timeout-not-restarted'],
  async run(context) {
    const { timing } = context;
    // The timeout itself is measured alongside, on its own copy: both waits overlap.
    let measured: number | undefined;
    // When, after a copy listens, a verdict of 'restarted' can no longer change.
    let line: number | undefined;
    const timeout = observeIdleTimeout(context).then((seen) => {
      measured = timedOutAfterMs(seen);
      line = measured === undefined ? undefined : startupTimerFiresMs(seen, measured) + startupTimerMarginMs;
      return seen;
    });
    const late = await context.withOwnServer(async (server) => {
      const { program } = server;
      await program.waitForExit(Math.max(0, server.startupMs + lateByMs - program.elapsedMs()));
      const connectedAtMs = program.elapsedMs();
      const exchange = await context.exchange(server, {
        segments: [{ bytes: Buffer.from(asciiSentence(context.random)) }],
        ending: 'half-close',
        replyTimeoutMs: timing.replyTimeoutMs,
      });
      const doneAtMs = program.elapsedMs();
      // Until a restarted timer could not have fired yet, however long the timeout turns out to
      // be; once it is known, only until the verdict cannot change (see below).
      const watchUntilMs = () => (line === undefined ? doneAtMs + timing.idleTimeoutMs + timing.idleToleranceMs : server.startupMs + line);
      const timedOutAt = () => Math.min(timeoutLineSince(program, doneAtMs)?.atMs ?? Infinity, program.exit?.atMs ?? Infinity);
      while (program.running && timedOutAt() === Infinity && program.elapsedMs() < watchUntilMs()) await program.waitForExit(20);
      const at = timedOutAt();
      return { startupMs: server.startupMs, connectedAtMs, doneAtMs, exchange, exit: program.exit, timedOutAtMs: Number.isFinite(at) ? at : undefined };
    });
    const seen = await timeout;
    const exchanges = [{ label: 'message' as const, exchange: late.exchange }];
    // Not judged where idle-timeout itself found no right timeout: the same reason it gives.
    const unjudged =
      unjudgedTimeout(seen, timing) ??
      (isCrash(seen.exit) ? 'crashed-at-timeout' : measured === undefined ? 'no-idle-timeout-seen' : undefined) ??
      (timedOutWithin(seen, timing.idleTimeoutMs, timing.idleToleranceMs) ? undefined : 'timeout-judged-elsewhere') ??
      (isCrash(late.exit) ? 'crashed-before-timeout' : undefined);
    if (unjudged || measured === undefined) return { diagnoses: [], skipped: unjudged ?? 'no-idle-timeout-seen', exchanges };
    const seconds = (ms: number) => (ms / 1000).toFixed(2);
    const at = late.timedOutAtMs;
    const evidence: Evidence[] = [
      { key: 'late-connection', values: { after: seconds(late.connectedAtMs - late.startupMs), timeout: seconds(measured) } },
      ...(at === undefined ? [] : [{ key: 'late-timeout' as const, values: { sinceStart: seconds(at - late.startupMs), sinceConnection: seconds(at - late.connectedAtMs) } }]),
    ];
    const restarted = at === undefined || at > late.startupMs + (line ?? Infinity);
    return { diagnoses: restarted ? [] : ['timeout-not-restarted'], evidence, exchanges };
  },
};

/**
 * When a timer from start-up fires, counted from when a copy is seen listening. Copies of one
 * program behave alike: it fires as long after this copy listens as idle-timeout's copy stopped
 * after it listened (its connection's end, plus the timeout measured from there). A restarted
 * timer fires at least the timeout after this copy's late connection, `lateByMs` after it listened.
 */
function startupTimerFiresMs(seen: IdleObservation, timeoutMs: number): number {
  return seen.listeningToDoneMs + timeoutMs;
}
