import { asciiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { startAllowanceMs } from '../line-run.ts';
import { hasStackTrace } from '../run-client.ts';

// The server accepts the connection and never answers: the client gives up after
// SOCKET_TIMEOUT with one clear line and a non-zero status. A client that keeps the default
// 10 s in a quick grade is given that long, plus a margin.
export const silentServer: ClientCheck = {
  id: 'client-silent-server',
  tier: 'robustness',
  awaitsTimeout: true,
  codes: ['client-hangs-on-silent-server', 'client-unhandled-timeout'],
  async run(context) {
    const { timing } = context;
    // Counted from the connection, not from the start: a slow start-up must not look like a hang.
    const patienceMs = Math.max(timing.idleTimeoutMs, timing.defaultIdleTimeoutMs) + timing.idleToleranceMs + 2_000;
    const seen = await context.play({ behaviour: { kind: 'silent' }, lines: [asciiSentence(context.random)], deadlineMs: patienceMs + startAllowanceMs, patienceAfterConnectMs: patienceMs });
    const base = clientEvidence(seen);
    const trace = hasStackTrace(seen.run);
    const evidence = [
      { key: 'server-stayed-silent' as const, values: { seconds: timing.idleTimeoutMs / 1000 } },
      ...(trace ? [{ key: 'stack-trace-shown' as const }] : []),
      ...(base.evidence ?? []),
    ];
    const connectedAt = seen.connections[0]?.connectedAt ?? seen.run.startedAt;
    const waitedMs = seen.run.exit ? seen.run.startedAt + seen.run.exit.atMs - connectedAt : Infinity;
    if (waitedMs > patienceMs) return { ...base, evidence, diagnoses: ['client-hangs-on-silent-server'] };
    const clean = seen.run.exit?.code !== 0 && !trace && seen.run.stderr.trim() !== '';
    return { ...base, evidence, diagnoses: clean ? [] : ['client-unhandled-timeout'] };
  },
};
