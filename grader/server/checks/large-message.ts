import { largeAsciiMessage } from '../../random.ts';
import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';
import { countReplyCodes, judgeCountReply } from '../count-reply.ts';
import { blamesDelivery, sendControlMessage } from '../control-message.ts';

// 64 KiB in one write: far more than one recv(1024) or one read of a small buffer returns.
// Plain ASCII, so that only the length is judged here.
export const largeMessageBytes = 64 * 1024;
const shortMessageBytes = 200;

export const largeMessage: ServerCheck = {
  id: 'large-message',
  tier: 'protocol',
  runsOn: 'shared',
  codes: [...countReplyCodes, 'truncates-large', 'not-listening', 'crashed'],
  async run(context) {
    const text = largeAsciiMessage(context.random, largeMessageBytes);
    const { server, exchange: sent } = await context.exchangeWithShared({
      segments: [{ bytes: Buffer.from(text) }],
      ending: 'half-close',
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    const judgement = judgeCountReply(text, sent.reply);
    const short = judgement.got !== undefined && judgement.got < judgement.expected && judgement.diagnoses.includes('wrong-count');
    if (!short) return withCrashCheck(context, server, sent, judgement);
    // Counted short: truncation, unless a short message is miscounted as well.
    const control = await sendControlMessage(context, text.slice(0, shortMessageBytes).trim(), 'short-message');
    const diagnoses = blamesDelivery(sent, control.judgement) ? ['truncates-large' as const] : judgement.diagnoses;
    const outcome = await withCrashCheck(context, server, sent, { diagnoses, evidence: judgement.evidence });
    return { ...outcome, exchanges: [...(outcome.exchanges ?? []), control.exchange] };
  },
};
