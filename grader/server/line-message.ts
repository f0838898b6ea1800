import type { Exchange } from '../net/exchange.ts';
import type { ServerCheckContext } from './check.ts';
import type { ServerInstance } from './instance.ts';

// A message ended by a line ending on a connection the client keeps open, the way an
// interactive client talks. If the server stays silent, the grader half-closes after a while
// to learn whether it was waiting for the end of the stream instead of the line ending.

export function sendLine(
  context: ServerCheckContext,
  text: string,
  lineEnding: string,
  closeWatchMs?: number,
): Promise<{ server: ServerInstance; exchange: Exchange }> {
  return context.exchangeWithShared({
    segments: [{ bytes: Buffer.from(text + lineEnding) }],
    ending: 'keep-open',
    halfCloseIfSilentMs: context.timing.lineReplyTimeoutMs,
    replyTimeoutMs: context.timing.replyTimeoutMs,
    closeWatchMs,
  });
}

/** The reply came only after the grader half-closed: the server ignored the line ending. */
export function waitedForEof(sent: Exchange): boolean {
  return sent.halfClosedAtMs !== undefined && sent.firstReplyAtMs !== undefined && sent.firstReplyAtMs >= sent.halfClosedAtMs;
}
