import type { Exchange } from '../net/exchange.ts';
import type { LabelledExchange } from '../result.ts';
import type { ServerCheckContext } from './check.ts';
import { judgeCountReply, type CountJudgement } from './count-reply.ts';
import type { ServerInstance } from './instance.ts';

// Before blaming a miscount on how a message was delivered (in pieces, or long), the grader
// sends a plain message in one write: if that one is miscounted too, the fault is the counting
// itself, and the report says so instead.

export async function sendControlMessage(
  context: ServerCheckContext,
  server: ServerInstance,
  text: string,
  label: LabelledExchange['label'],
): Promise<{ judgement: CountJudgement; exchange: LabelledExchange }> {
  const sent: Exchange = await context.exchange(server, {
    segments: [{ bytes: Buffer.from(text) }],
    ending: 'half-close',
    replyTimeoutMs: context.timing.replyTimeoutMs,
  });
  return { judgement: judgeCountReply(text, sent.reply), exchange: { label, exchange: sent } };
}

export function countsRight(judgement: CountJudgement): boolean {
  return judgement.got === judgement.expected;
}
