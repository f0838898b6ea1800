import { asciiSentence } from '../../random.ts';
import type { Evidence } from '../../result.ts';
import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';
import { answersFirstPieces, countReplyCodes, judgeCountReply } from '../count-reply.ts';

// TCP delivers a stream, not messages: one message may come in several pieces. The server has
// to keep reading until the end of the message, not answer the first piece.
const pieceCount = 3;

export function splitBytes(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).map((end, i) => bytes.subarray(bounds[i], end));
}

export const segmentedMessage: ServerCheck = {
  id: 'segmented-message',
  tier: 'protocol',
  runsOn: 'shared',
  codes: [...countReplyCodes, 'reads-once', 'not-listening', 'crashed'],
  async run(context) {
    const text = `${asciiSentence(context.random)} ${asciiSentence(context.random)}`;
    const bytes = Buffer.from(text);
    const cuts = Array.from({ length: pieceCount - 1 }, (_, i) => Math.round((bytes.length * (i + 1)) / pieceCount));
    const pieces = splitBytes(bytes, cuts);
    const { server, exchange: sent } = await context.exchangeWithShared({
      segments: pieces.map((piece, i) => ({ bytes: piece, delayBeforeMs: i === 0 ? 0 : context.timing.segmentDelayMs })),
      ending: 'half-close',
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    const judgement = judgeCountReply(text, sent.reply);
    const readOnce = sent.repliedBeforeMessageEnd || (judgement.got !== judgement.expected && answersFirstPieces(judgement.got, pieces));
    if (!readOnce) return withCrashCheck(context, server, sent, judgement);
    const early: Evidence = { key: 'replied-before-end', values: { pieces: pieceCount } };
    return withCrashCheck(context, server, sent, { diagnoses: ['reads-once'], evidence: [...judgement.evidence, early] });
  },
};
