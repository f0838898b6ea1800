import { asciiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence, crashedOnReply } from '../evidence.ts';
import { normalRunMs } from '../line-run.ts';
import { characterCount } from '../../server/count-reply.ts';
import { decoyReply, judgePrinted } from '../replies.ts';
import { printsNumber } from '../run-client.ts';

// A reply, like a message, may arrive in pieces: the client reads until the server closes.
const pauseMs = 300;

export const readsWholeReply: ClientCheck = {
  id: 'client-reads-whole-reply',
  tier: 'protocol',
  codes: ['client-reads-once', 'client-no-output', 'client-counts-locally', 'client-ambiguous-output'],
  async run(context) {
    const line = asciiSentence(context.random);
    const { reply, decoyFor } = decoyReply(context.random);
    const seen = await context.play({ behaviour: { kind: 'answer-in-pieces', reply, pauseMs }, lines: [line], deadlineMs: normalRunMs });
    const base = clientEvidence(seen);
    const message = seen.connections[0]?.message ?? Buffer.from(line);
    const decoy = decoyFor(message);
    const evidence = [{ key: 'reply-in-pieces' as const, values: { reply: JSON.stringify(`${decoy}\n`), pauseMs } }, ...(base.evidence ?? [])];
    const printed = judgePrinted(seen, [{ reply: decoy, count: characterCount(message.toString('utf8')) }], [line]);
    const firstPiece = Number(String(decoy).slice(0, 1));
    const cut = printed.diagnoses.includes('client-no-output') && printsNumber(seen.run.stdout, firstPiece);
    const diagnoses = cut ? ['client-reads-once' as const] : printed.diagnoses;
    const crashed = diagnoses.includes('client-no-output') ? crashedOnReply(seen) : [];
    return { ...base, evidence: [...crashed, ...printed.evidence, ...evidence], diagnoses };
  },
};
