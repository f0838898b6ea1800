import type { Evidence } from '../../result.ts';
import { asciiSentence } from '../../random.ts';
import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';
import { countReplyCodes, judgeCountReply } from '../count-reply.ts';
import { sendLine, waitedForEof } from '../line-message.ts';

// The message ends at the first '\n' (or '\r\n') even while the client keeps the connection open.
export function lineFraming(id: string, lineEnding: '\n' | '\r\n'): ServerCheck {
  return {
    id,
    tier: 'protocol',
    runsOn: 'shared',
    codes: [...countReplyCodes, 'waits-for-eof', 'not-listening', 'crashed'],
    async run(context) {
      const text = asciiSentence(context.random);
      const { server, exchange: sent } = await sendLine(context, text, lineEnding);
      const judgement = judgeCountReply(text, sent.reply, lineEnding);
      const late = waitedForEof(sent);
      const evidence: Evidence[] = late ? [...judgement.evidence, { key: 'waited-for-eof', values: { ms: context.timing.lineReplyTimeoutMs } }] : judgement.evidence;
      const diagnoses = late ? ['waits-for-eof' as const, ...judgement.diagnoses] : judgement.diagnoses;
      return withCrashCheck(context, server, sent, { diagnoses, evidence });
    },
  };
}

export const newlineFraming = lineFraming('newline-framing', '\n');
export const crlfFraming = lineFraming('crlf-framing', '\r\n');
