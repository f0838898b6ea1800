import type { Exchange } from '../net/exchange.ts';
import type { OutputLine } from '../process/output.ts';
import type { Program, ProgramExit } from '../process/program.ts';
import { asciiSentence } from '../random.ts';
import type { SkipReason } from '../result.ts';
import { isCrash, type ServerCheckContext } from './check.ts';
import type { Timing } from './timing.ts';

// Watching a server of its own do nothing: one client, then no connection at all, and the
// time until it announces its timeout and until it exits, measured from that last connection.
// Shared by the checks that judge the timeout (idle-timeout, honours-timeout-env).

export interface IdleObservation {
  readonly exchange: Exchange;
  /** Milliseconds from the end of the last connection; undefined when it never happened. */
  readonly messageAfterMs?: number;
  readonly messageLine?: OutputLine;
  readonly exitAfterMs?: number;
  readonly exit?: ProgramExit;
  /** How long the last connection took, from connecting to its end. */
  readonly exchangeMs: number;
  /** From when the copy was seen listening to the end of its last connection. */
  readonly listeningToDoneMs: number;
  readonly watchedMs: number;
  readonly output: readonly OutputLine[];
  /** When a first copy timed out just outside the tolerance and this is the second measurement: the first's time. */
  readonly firstAfterMs?: number;
}

// English or Indonesian, as students write them: "timeout", "timed out", "batas waktu habis",
// "waktu habis", "tidak ada koneksi baru".
export const timeoutLinePattern = /time[\s_-]*out|timed\s*out|waktu\s+(tunggu\s+)?habis|batas\s+waktu|tidak\s+ada\s+(koneksi|klien|client)/i;

/** The first line since `sinceMs` that announces a timeout. */
export function timeoutLineSince(program: Program, sinceMs: number): OutputLine | undefined {
  return [...program.output.lines, ...program.output.tail].find((line) => line.atMs >= sinceMs && timeoutLinePattern.test(line.text));
}

/**
 * The idle timeout, watched on a copy of its own. A time just outside the tolerance (within
 * twice it) is measured once more on a fresh copy, and the second measurement stands: on a
 * loaded machine a right timer can fire, or be seen, most of a second late, while a wrong one
 * (5 s for 10, seconds for milliseconds) is far outside both times.
 */
export function observeIdleTimeout(context: ServerCheckContext): Promise<IdleObservation> {
  return context.once('idle-timeout', async () => {
    const { idleTimeoutMs, idleToleranceMs } = context.timing;
    const first = await watchOneCopy(context);
    const borderline = !isCrash(first.exit) && !timedOutWithin(first, idleTimeoutMs, idleToleranceMs) && timedOutWithin(first, idleTimeoutMs, 2 * idleToleranceMs);
    if (!borderline) return first;
    return { ...(await watchOneCopy(context)), firstAfterMs: timedOutAfterMs(first) };
  });
}

function watchOneCopy(context: ServerCheckContext): Promise<IdleObservation> {
  return context.withOwnServer(async (server) => {
    const { timing } = context;
    const connectingAtMs = server.program.elapsedMs();
    const sent = await context.exchange(server, {
      segments: [{ bytes: Buffer.from(asciiSentence(context.random)) }],
      ending: 'half-close',
      replyTimeoutMs: timing.replyTimeoutMs,
    });
    const program = server.program;
    const lastConnectionMs = program.elapsedMs();
    context.awaitingIdleTimeout(timing.idleTimeoutMs);
    // Long enough to see a program that keeps the default 10 s even when told otherwise.
    const watchUntilMs = lastConnectionMs + timing.defaultIdleTimeoutMs + 2 * 1000;
    // Looked for from the moment of connecting: a timer of milliseconds (seconds given to
    // setTimeout) announces its timeout during the exchange itself, and was taken for a server
    // that stopped after its client without a word.
    const announced = () => timeoutLineSince(program, connectingAtMs);
    while (program.running && program.elapsedMs() < watchUntilMs) {
      const line = announced();
      if (line && program.elapsedMs() >= line.atMs + timing.stopAfterMessageMs) break;
      await program.waitForExit(20);
    }
    if (!program.running) await program.waitForOutputDrained(200);
    const line = announced();
    const exit = program.exit;
    return {
      exchange: sent,
      messageAfterMs: line ? Math.max(0, line.atMs - lastConnectionMs) : undefined,
      messageLine: line,
      exitAfterMs: exit ? exit.atMs - lastConnectionMs : undefined,
      exit,
      exchangeMs: lastConnectionMs - connectingAtMs,
      listeningToDoneMs: lastConnectionMs - server.startupMs,
      watchedMs: program.elapsedMs() - lastConnectionMs,
      output: program.output.lines.filter((l) => l.atMs >= lastConnectionMs).slice(-12),
    };
  });
}

/** When the server showed its timeout: the first of its message and its exit. */
export function timedOutAfterMs(observation: IdleObservation): number | undefined {
  const times = [observation.messageAfterMs, observation.exitAfterMs].filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * Whether the server timed out `targetMs` after its last connection, give or take the
 * tolerance. A server may count from the moment it accepted that connection (Node's event
 * loop) or from when it was done with it and began waiting again (a single-threaded loop):
 * both are right, and on a loaded machine a reply can take most of a second, so any start
 * within the connection counts.
 */
export function timedOutWithin(observation: IdleObservation, targetMs: number, toleranceMs: number): boolean {
  const at = timedOutAfterMs(observation);
  return at !== undefined && at - toleranceMs <= targetMs && targetMs <= at + observation.exchangeMs + toleranceMs;
}

/**
 * Why the timeout cannot be judged from this observation, if it cannot: the same answer for
 * every check that judges it, so that no check points to another for a verdict it never gave.
 */
export function unjudgedTimeout(observation: IdleObservation, timing: Timing): SkipReason | undefined {
  const { exit, exitAfterMs, messageAfterMs } = observation;
  if (!exit) return undefined;
  // A crash long before any timeout is another check's finding (its message crashed it).
  if (isCrash(exit)) return (exitAfterMs ?? 0) < timing.idleTimeoutMs / 2 ? 'crashed-before-timeout' : undefined;
  // Stopped at once after its one client, without a word: that is serves-clients-in-turn's finding.
  const at = timedOutAfterMs(observation);
  return messageAfterMs === undefined && at !== undefined && at < timing.idleToleranceMs ? 'stopped-after-first-client' : undefined;
}
