import type { Exchange } from '../net/exchange.ts';
import type { LabelledExchange } from '../result.ts';
import type { ServerCheckContext } from './check.ts';
import { sendInOneWrite } from './count-check.ts';
import { judgeCountReply, type CountJudgement } from './count-reply.ts';

// Before blaming a miscount on how a message was delivered (in pieces, or long), the grader
// sends a plain message in one write: if that one is miscounted too, the fault is the counting
// itself, and the report says so instead.

export async function sendControlMessage(
  context: ServerCheckContext,
  text: string,
  label: LabelledExchange['label'],
): Promise<{ judgement: CountJudgement; exchange: LabelledExchange }> {
  // On the shared server, started again if it stopped (some stop after every client).
  const { exchange: sent } = await sendInOneWrite(context, text);
  return { judgement: judgeCountReply(text, sent.reply), exchange: { label, exchange: sent } };
}

export function countsRight(judgement: CountJudgement): boolean {
  return judgement.got === judgement.expected;
}

/**
 * Whether a miscount of `sent` is how it was delivered: the control counts right, and the reply
 * to `sent` was not cut at its deadline (a server that answers slowly has its replies cut, and
 * the control's, cut at another moment, may simply have got further).
 */
export function blamesDelivery(sent: Exchange, control: CountJudgement): boolean {
  return countsRight(control) && !sent.events.some((event) => event.kind === 'deadline');
}
