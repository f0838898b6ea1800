import { namedError } from '../process/error-line.ts';
import type { CheckOutcome, Evidence, LabelledExchange } from '../result.ts';
import { limitEvidence } from '../sandbox/limit-evidence.ts';
import { stubLine } from '../submission/stub.ts';
import { hasStackTrace } from './run-client.ts';
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
  // A client that works but still ends with the stub's lines: its exit status 1 comes from them.
  const stub = result.connections.length > 0 && result.run.exit?.code !== 0 ? stubLine(result.run.output) : undefined;
  const output = result.run.output.slice(-12);
  return {
    exchanges,
    output: stub && !output.includes(stub) ? [stub, ...output.slice(1)] : output,
    evidence: [ended, ...(stub ? [{ key: 'stub-lines-left' as const }] : []), ...limitEvidence(result.run.exit)],
  };
}

/**
 * A client that got its reply and then died with a stack trace, printing nothing: most often it
 * parses the reply in a form the protocol does not promise (split(":") of "Jumlah karakter: 5").
 */
export function crashedOnReply(result: ScenarioResult): Evidence[] {
  const replied = result.connections.some((connection) => connection.replied);
  return replied && result.run.exit?.code !== 0 && hasStackTrace(result.run) ? [{ key: 'crashed-after-reply' }] : [];
}

const pythonCompileError = /^\s*File ".*", line \d+/m;
const connectionError = /\b(?:ECONN[A-Z]+|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|E(?:HOST|NET)UNREACH)\b|connect|refused|timed? ?out/i;

/**
 * A client that died of an error of its own before it made any connection (a syntax error, a
 * module that is not found, ERR_REQUIRE_ASYNC_MODULE): not a question of the host or port it
 * connects to, which is what client-no-connect's advice is about. A failed connection is not one.
 */
export function crashedBeforeConnecting(result: ScenarioResult): Evidence[] {
  const { run } = result;
  if (result.connections.length > 0 || typeof run.exit?.code !== 'number' || run.exit.code === 0) return [];
  if (!hasStackTrace(run) && !pythonCompileError.test(run.stderr)) return [];
  const error = namedError(run.stderr);
  return error === undefined || connectionError.test(error) ? [] : [{ key: 'crashed-before-connecting', values: { error } }];
}
