import type { Random } from '../random.ts';
import type { ClientCode } from '../diagnoses.ts';
import type { Evidence } from '../result.ts';
import { characterCount, countCandidates, listed } from '../server/count-reply.ts';
import type { ScenarioResult } from './check.ts';

// The grader's server answers a client with a number that is NOT the message's true count (a
// decoy), so that a client printing its own count cannot pass for one printing the reply.
export function decoyReply(random: Random): { reply: (message: Buffer) => string; decoyFor: (message: Buffer) => number } {
  const offset = random.int(11, 89);
  const decoyFor = (message: Buffer) => characterCount(message.toString('utf8')) + offset;
  return { reply: (message) => `${decoyFor(message)}\n`, decoyFor };
}

/** One reply the client should have printed: the number it was sent, and the message's true count. */
export interface ExpectedPrint {
  readonly reply: number;
  readonly count: number;
}

export interface PrintJudgement {
  readonly diagnoses: ClientCode[];
  readonly evidence: Evidence[];
}

// What a client may print besides the reply without making it ambiguous: the lines it sent, the
// host and the ports it used ("Terhubung ke 127.0.0.1:12345", "Anda mengirim: halo").
const hostNames = ['127.0.0.1', 'localhost', '::1', '0.0.0.0'];
const labPort = 12345;

/**
 * What the client printed, judged against the replies the grader's server actually sent. A
 * reply printed among other numbers of the client's own ("0 1 2 … 140") names no answer.
 */
export function judgePrinted(seen: ScenarioResult, expected: readonly ExpectedPrint[], sent: readonly string[]): PrintJudgement {
  const ports = new Set([labPort, seen.port, ...seen.connections.map((connection) => connection.port)]);
  const numbers = countCandidates(seen.run.stdout, [...sent, ...hostNames]).filter((n) => !ports.has(n));
  const missing = expected.filter(({ reply }) => !numbers.includes(reply));
  if (missing.length > 0) {
    const diagnoses = missing.map(({ count }): ClientCode => (numbers.includes(count) ? 'client-counts-locally' : 'client-no-output'));
    return { diagnoses: [...new Set(diagnoses)], evidence: [] };
  }
  const replies = new Set(expected.map(({ reply }) => reply));
  const others = numbers.filter((n) => !replies.has(n));
  if (others.length === 0) return { diagnoses: [], evidence: [] };
  return {
    diagnoses: ['client-ambiguous-output'],
    evidence: [{ key: 'printed-numbers', values: { replies: listed([...replies]), others: listed(others), total: others.length } }],
  };
}
