import type { Random } from '../random.ts';
import type { ClientCode } from '../diagnoses.ts';
import { characterCount } from '../server/count-reply.ts';
import { printsNumber } from './run-client.ts';

// The grader's server answers a client with a number that is NOT the message's true count (a
// decoy), so that a client printing its own count cannot pass for one printing the reply.
export function decoyReply(random: Random): { reply: (message: Buffer) => string; decoyFor: (message: Buffer) => number } {
  const offset = random.int(11, 89);
  const decoyFor = (message: Buffer) => characterCount(message.toString('utf8')) + offset;
  return { reply: (message) => `${decoyFor(message)}\n`, decoyFor };
}

/** What the client printed, judged against the reply the grader's server actually sent. */
export function judgePrinted(stdout: string, decoy: number, trueCount: number): ClientCode[] {
  if (printsNumber(stdout, decoy)) return [];
  return [printsNumber(stdout, trueCount) ? 'client-counts-locally' : 'client-no-output'];
}
