import { connectToServer } from '../../net/connect.ts';
import type { ExchangeScript } from '../../net/exchange.ts';
import { asciiSentence } from '../../random.ts';
import type { CheckOutcome, Evidence, LabelledExchange } from '../../result.ts';
import { isCrash, type ServerCheck, type ServerCheckContext } from '../check.ts';
import type { ServerInstance } from '../instance.ts';
import { timeoutLineSince } from '../idle-observation.ts';

// A client connects and says nothing. A single-threaded server is stuck reading from it; it
// must give up on it after SOCKET_TIMEOUT, or every other client waits forever. Measured on a
// copy of the server of its own, alongside the other checks. It also shows whether the server
// answers a second client while the first is still connected (concurrency) or only after.
export const idleClient: ServerCheck = {
  id: 'idle-client',
  tier: 'robustness',
  runsOn: 'own',
  codes: ['blocked-by-idle-client', 'no-reply', 'crashed'],
  async run(context) {
    // The silent client follows the ordinary first one at once: this check ends with the idle
    // timeout's own. Only a copy that ends soon after the first client is tried again, giving
    // that end time to show before the silent client comes, to tell which of the two ended it.
    const overlapped = await context.withOwnServer((server) => withSilentClient(context, server, false));
    return overlapped === 'ended-soon-after-first' ? context.withOwnServer((server) => withSilentClient(context, server, true)) : overlapped;
  },
};

/** With `watchFirst`, a copy's end soon after the first client is waited for before the silent one comes. */
function withSilentClient(context: ServerCheckContext, server: ServerInstance, watchFirst: true): Promise<CheckOutcome>;
function withSilentClient(context: ServerCheckContext, server: ServerInstance, watchFirst: false): Promise<CheckOutcome | 'ended-soon-after-first'>;
async function withSilentClient(context: ServerCheckContext, server: ServerInstance, watchFirst: boolean): Promise<CheckOutcome | 'ended-soon-after-first'> {
  const { timing } = context;
  const { program } = server;
  const message = (delayBeforeMs: number, replyTimeoutMs: number): ExchangeScript => ({
    segments: [{ bytes: Buffer.from(asciiSentence(context.random)), delayBeforeMs }],
    ending: 'half-close',
    replyTimeoutMs,
  });
  // An ordinary client first: a server that ends after any first client is serves-clients-in-turn's
  // finding, or idle-timeout's where it announced a timeout (a timer of milliseconds).
  const firstAtMs = program.elapsedMs();
  const first = await context.exchange(server, message(0, timing.replyTimeoutMs));
  const firstDoneAtMs = program.elapsedMs();
  const exchanges: LabelledExchange[] = [{ label: 'first-client', exchange: first }];
  const ended = watchFirst ? await program.waitForExit(timing.crashWatchMs) : program.exit;
  if (ended) {
    const timedOut = timeoutLineSince(program, firstAtMs) !== undefined;
    return { diagnoses: [], skipped: isCrash(ended) ? 'crashed-on-first-client' : timedOut ? 'timeout-judged-elsewhere' : 'stopped-after-first-client', exchanges };
  }
  const endedSoonAfterFirst = () => !watchFirst && program.exit !== undefined && program.exit.atMs <= firstDoneAtMs + timing.crashWatchMs;

  const silent = await connectToServer(server.port, 2_000, server.network);
  let silentClosedAt: number | undefined;
  silent.socket?.on('end', () => (silentClosedAt ??= performance.now()));
  silent.socket?.on('close', () => (silentClosedAt ??= performance.now()));
  silent.socket?.on('error', () => undefined);
  try {
    // Long enough for a program that keeps the default 10 s even when told otherwise.
    const patienceMs = Math.max(timing.idleTimeoutMs, timing.defaultIdleTimeoutMs) + timing.idleToleranceMs + 1_500;
    const second = await context.exchange(server, message(100, patienceMs));
    exchanges.push({ label: 'second-client', exchange: second });
    if (second.firstReplyAtMs === undefined) {
      if (second.serverClosedAtMs === undefined && second.connected) {
        const blocked: Evidence = { key: 'second-client-blocked', values: { seconds: (patienceMs / 1000).toFixed(1) } };
        return { diagnoses: ['blocked-by-idle-client'], evidence: [blocked], exchanges, measurements: { secondClientBlocked: true } };
      }
      // Not blocked: the server ended the second connection without an answer, or ended itself.
      const exit = await program.waitForExit(timing.crashWatchMs);
      if (endedSoonAfterFirst()) return 'ended-soon-after-first';
      if (!exit) return { diagnoses: ['no-reply'], exchanges };
      const evidence: Evidence[] = [
        { key: 'ended-with-silent-client' },
        { key: 'server-exited', values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } },
      ];
      return { diagnoses: ['crashed'], evidence, exchanges, output: program.output.tail.slice(-12) };
    }
    const repliedAt = second.startedAt + second.firstReplyAtMs;
    const waitedMs = Math.max(0, second.firstReplyAtMs - (second.lastSegmentAtMs ?? 0));
    const concurrent = silentClosedAt === undefined || silentClosedAt > repliedAt;
    const evidence: Evidence[] = [
      concurrent
        ? { key: 'second-client-concurrent', values: { ms: Math.round(waitedMs) } }
        : { key: 'second-client-waited', values: { seconds: (waitedMs / 1000).toFixed(2) } },
    ];
    const measurements = { secondClientBlocked: false, secondClientWaitMs: waitedMs, secondClientConcurrent: concurrent };
    // A second more than the idle timeout's own tolerance: a busy machine delays the handover.
    // A program that keeps the default 10 s whatever SOCKET_TIMEOUT says is not blocked either:
    // honours-timeout-env tells it that it ignored SOCKET_TIMEOUT.
    const allowedMs = (timing.quick ? timing.defaultIdleTimeoutMs : timing.idleTimeoutMs) + timing.idleToleranceMs + 1_000;
    return { diagnoses: waitedMs <= allowedMs ? [] : ['blocked-by-idle-client'], evidence, exchanges, measurements };
  } finally {
    silent.socket?.destroy();
  }
}
