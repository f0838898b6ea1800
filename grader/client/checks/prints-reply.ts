import { characterCount } from '../../server/count-reply.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence, crashedOnReply } from '../evidence.ts';
import { observeLineRun } from '../line-run.ts';
import { judgePrinted } from '../replies.ts';

// The client prints the server's reply. The grader's server answers a decoy number, not the
// true count, so a client that prints a count of its own is told apart.
export const printsReply: ClientCheck = {
  id: 'client-prints-reply',
  tier: 'core',
  codes: ['client-counts-locally', 'client-no-output', 'client-ambiguous-output'],
  async run(context) {
    const seen = await observeLineRun(context);
    const first = seen.connections[0];
    if (!first?.replied) return { diagnoses: [], skipped: 'client-did-not-start' };
    const base = clientEvidence(seen);
    // Judged against what was really sent and answered, so that a wrong message is not blamed twice.
    const count = characterCount(first.message.toString('utf8'));
    const decoy = seen.decoyFor(first.message);
    const { diagnoses, evidence: printed } = judgePrinted(seen, [{ reply: decoy, count }], [seen.line]);
    const crashed = diagnoses.includes('client-no-output') ? crashedOnReply(seen) : [];
    const evidence = [{ key: 'decoy-reply' as const, values: { decoy, count } }, ...printed, ...crashed, ...(base.evidence ?? [])];
    return { ...base, diagnoses, evidence };
  },
};
