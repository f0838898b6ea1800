import type { CheckFinding, Measurements } from '../result.ts';

// What the grade measured, gathered from the checks for the report's Analisa section.

export function analyse(results: readonly CheckFinding[], measurements: readonly Partial<Measurements>[], restarts: number): Partial<Measurements> {
  const measured = Object.assign({}, ...measurements) as Partial<Measurements>;
  // The server's reaction time: from the end of each message to the first byte of its reply.
  const replyLatenciesMs = results
    .filter((result) => result.tier !== 'robustness')
    .flatMap((result) => result.exchanges.map(({ exchange }) => exchange))
    .filter((exchange) => exchange.firstReplyAtMs !== undefined && !exchange.repliedBeforeMessageEnd)
    .map((exchange) => (exchange.firstReplyAtMs ?? 0) - Math.max(exchange.lastSegmentAtMs ?? 0, exchange.halfClosedAtMs ?? 0))
    .filter((ms) => ms >= 0);
  const rounded = Object.fromEntries(
    Object.entries({ ...measured, replyLatenciesMs, restarts }).map(([key, value]) => [key, roundMs(value)]),
  );
  return rounded as Partial<Measurements>;
}

/** Milliseconds to a tenth: the clock's noise below that is not worth a reader's attention. */
function roundMs(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 10) / 10;
  return Array.isArray(value) ? value.map(roundMs) : value;
}
