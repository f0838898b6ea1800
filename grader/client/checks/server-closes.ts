import { asciiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';

// The server closes the connection without a reply: the client notices at once (an empty read
// is the end), says so, and does not wait on.
export const closeWatchMs = 8_000;

export const serverCloses: ClientCheck = {
  id: 'client-server-closes',
  tier: 'protocol',
  codes: ['client-ignores-close'],
  async run(context) {
    const seen = await context.play({ behaviour: { kind: 'close-without-reply' }, lines: [asciiSentence(context.random)], deadlineMs: closeWatchMs });
    const base = clientEvidence(seen);
    const evidence = [{ key: 'server-closed-silently' as const }, ...(base.evidence ?? [])];
    // Something said after the grader closed the connection (a prompt printed before does not count).
    const closedAt = seen.connections[0] ? seen.connections[0].connectedAt + (seen.connections[0].events.find((e) => e.kind === 'grader-closed')?.atMs ?? 0) : seen.run.startedAt;
    const said = seen.run.output.some((line) => line.text.trim() !== '' && seen.run.startedAt + line.atMs >= closedAt);
    return { ...base, evidence, diagnoses: seen.run.exit && said ? [] : ['client-ignores-close'] };
  },
};
