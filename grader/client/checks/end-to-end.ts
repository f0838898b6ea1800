import { asciiSentence, emojiSentence } from '../../random.ts';
import { characterCount } from '../../server/count-reply.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { normalRunMs } from '../line-run.ts';
import { judgePrinted } from '../replies.ts';

// The student's client against the student's own server: do the two parts work together?
export const endToEnd: ClientCheck = {
  id: 'end-to-end',
  tier: 'protocol',
  pairsWithServer: true,
  codes: ['end-to-end-fails'],
  async run(context) {
    // One line, as the lab's client sends: handling several is client-several-lines' business.
    const lines = [`${asciiSentence(context.random)} ${emojiSentence(context.random)}`];
    const seen = await context.playWithStudentServer(lines, normalRunMs);
    if (!seen) return { diagnoses: [], skipped: 'no-server-to-pair' };
    const base = clientEvidence(seen);
    const counts = lines.map(characterCount);
    const evidence = [{ key: 'end-to-end-expected' as const, values: { counts: counts.join(', ') } }, ...(base.evidence ?? [])];
    // The pair has to print the true count, and no other number (either part may spray them).
    const printed = judgePrinted(seen, counts.map((count) => ({ reply: count, count })), lines);
    return { ...base, evidence: [...printed.evidence, ...evidence], diagnoses: printed.diagnoses.length > 0 ? ['end-to-end-fails'] : [] };
  },
};
