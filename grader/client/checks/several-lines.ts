import { asciiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { normalRunMs } from '../line-run.ts';
import { decoyReply, judgePrinted } from '../replies.ts';
import { characterCount } from '../../server/count-reply.ts';

// Each line of the input is one message on a connection of its own, and each reply is printed.
const lineCount = 3;

export const severalLines: ClientCheck = {
  id: 'client-several-lines',
  tier: 'protocol',
  codes: ['client-single-message', 'client-no-output', 'client-counts-locally', 'client-ambiguous-output'],
  async run(context) {
    const lines = Array.from({ length: lineCount }, () => asciiSentence(context.random));
    const { reply, decoyFor } = decoyReply(context.random);
    const seen = await context.play({ behaviour: { kind: 'answer', reply }, lines, deadlineMs: normalRunMs });
    const base = clientEvidence(seen);
    const evidence = [{ key: 'connections-made' as const, values: { count: seen.connections.length, lines: lineCount } }, ...(base.evidence ?? [])];
    if (seen.connections.length < lineCount) return { ...base, evidence, diagnoses: ['client-single-message'] };
    const expected = seen.connections.map(({ message }) => ({ reply: decoyFor(message), count: characterCount(message.toString('utf8')) }));
    const printed = judgePrinted(seen, expected, lines);
    return { ...base, evidence: [...printed.evidence, ...evidence], diagnoses: printed.diagnoses };
  },
};
