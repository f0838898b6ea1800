import { asciiSentence } from '../../random.ts';
import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';
import { sendLine, waitedForEof } from '../line-message.ts';

// After its reply the server closes the connection, so a client reading until the end of the
// stream is not left waiting. Judged on a line-terminated message with the client's side
// still open: after a half-close, Node servers would close on their own.
export const closesAfterReply: ServerCheck = {
  id: 'closes-after-reply',
  tier: 'protocol',
  runsOn: 'shared',
  codes: ['no-close', 'crashed', 'not-listening'],
  async run(context) {
    const { server, exchange: sent } = await sendLine(context, asciiSentence(context.random), '\n', context.timing.closeWatchMs);
    const exchanges = [{ label: 'message' as const, exchange: sent }];
    if (sent.reply.length === 0) {
      const crashed = await withCrashCheck(context, server, sent, { diagnoses: [] });
      return crashed.diagnoses.length > 0 ? crashed : { diagnoses: [], skipped: 'no-reply-to-line', exchanges };
    }
    if (waitedForEof(sent)) return { diagnoses: [], skipped: 'no-reply-to-line', exchanges };
    if (sent.serverClosedAtMs === undefined) {
      return { diagnoses: ['no-close'], evidence: [{ key: 'no-close', values: { ms: context.timing.closeWatchMs } }], exchanges };
    }
    return { diagnoses: [], exchanges };
  },
};
