import { accentedSentence, cjkSentence, emojiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { normalRunMs } from '../line-run.ts';
import { decoyReply } from '../replies.ts';

// Accented letters, CJK and emoji must reach the server as the UTF-8 bytes of the typed line.
export const sendsUtf8: ClientCheck = {
  id: 'client-sends-utf8',
  tier: 'core',
  codes: ['client-wrong-message'],
  async run(context) {
    const line = `${accentedSentence(context.random)} ${cjkSentence(context.random)} ${emojiSentence(context.random)}`;
    const seen = await context.play({ behaviour: { kind: 'answer', reply: decoyReply(context.random).reply }, lines: [line], deadlineMs: normalRunMs });
    const base = clientEvidence(seen);
    const evidence = [{ key: 'typed-line' as const, values: { line: JSON.stringify(line) } }, ...(base.evidence ?? [])];
    const sent = seen.connections[0]?.message;
    return { ...base, evidence, diagnoses: sent?.equals(Buffer.from(line)) ? [] : ['client-wrong-message'] };
  },
};
