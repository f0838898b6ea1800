import type { CheckOutcome, Evidence, LabelledExchange } from '../result.ts';
import { limitEvidence } from '../sandbox/limit-evidence.ts';
import type { ScenarioResult } from './check.ts';

/** What every client check shows: each connection the client made, its output, and how it ended. */
export function clientEvidence(result: ScenarioResult): Pick<CheckOutcome, 'exchanges' | 'output' | 'evidence'> {
  const exchanges: LabelledExchange[] = result.connections.map((connection, i) => ({
    label: 'client-connection',
    n: i + 1,
    exchange: {
      events: connection.events,
      connected: true,
      reply: Buffer.alloc(0),
      repliedBeforeMessageEnd: false,
      reset: false,
      endedAtMs: connection.events.at(-1)?.atMs ?? 0,
      startedAt: connection.connectedAt,
    },
  }));
  const ended: Evidence = result.run.exit
    ? { key: 'client-exited' as const, values: { code: result.run.exit.code ?? '—', seconds: (result.run.exit.atMs / 1000).toFixed(2) } }
    : { key: 'client-still-running' as const, values: { seconds: (result.run.durationMs / 1000).toFixed(1) } };
  return { exchanges, output: result.run.output.slice(-12), evidence: [ended, ...limitEvidence(result.run.exit)] };
}
