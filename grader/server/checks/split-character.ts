import { messageWithSplitCharacter } from '../../random.ts';
import type { Evidence } from '../../result.ts';
import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';
import { answersFirstPieces, countReplyCodes, judgeCountReply } from '../count-reply.ts';
import { blamesDelivery, sendControlMessage } from '../control-message.ts';
import { splitBytes } from './segmented-message.ts';

// The two bytes of 'é' arrive in two different segments. Decoding each piece on its own turns
// them into two broken characters (or, in Python, a UnicodeDecodeError): the bytes of the whole
// message have to be decoded together.
export const splitCharacter: ServerCheck = {
  id: 'split-character',
  tier: 'protocol',
  runsOn: 'shared',
  codes: [...countReplyCodes, 'decodes-per-segment', 'reads-once', 'not-listening'],
  async run(context) {
    const { text, splitAtByte } = messageWithSplitCharacter(context.random);
    const pieces = splitBytes(Buffer.from(text), [splitAtByte]);
    const { server, exchange: sent } = await context.exchangeWithShared({
      segments: pieces.map((piece, i) => ({
        bytes: piece,
        delayBeforeMs: i === 0 ? 0 : context.timing.segmentDelayMs,
      })),
      ending: 'half-close',
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    const judgement = judgeCountReply(text, sent.reply);
    if (sent.repliedBeforeMessageEnd || (judgement.got !== judgement.expected && answersFirstPieces(judgement.got, pieces))) {
      const early: Evidence = { key: 'replied-before-end', values: { pieces: 2 } };
      return withCrashCheck(context, server, sent, { diagnoses: ['reads-once'], evidence: [...judgement.evidence, early] }, 'decodes-per-segment');
    }
    // A count that counting bytes or UTF-16 units explains is that mistake, not this one; and a
    // message miscounted even in one piece is a counting mistake.
    if (!judgement.diagnoses.includes('wrong-count')) {
      return withCrashCheck(context, server, sent, judgement, 'decodes-per-segment');
    }
    const control = await sendControlMessage(context, text, 'whole-message');
    const diagnoses = blamesDelivery(sent, control.judgement) ? ['decodes-per-segment' as const] : judgement.diagnoses;
    const outcome = await withCrashCheck(context, server, sent, { diagnoses, evidence: judgement.evidence }, 'decodes-per-segment');
    return { ...outcome, exchanges: [...(outcome.exchanges ?? []), control.exchange] };
  },
};
