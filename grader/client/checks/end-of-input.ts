import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { observeLineRun } from '../line-run.ts';
import { hasStackTrace } from '../run-client.ts';

// At the end of its input (Ctrl-D, or the end of a file) the client exits with status 0.
export const endOfInput: ClientCheck = {
  id: 'client-end-of-input',
  tier: 'robustness',
  codes: ['client-crash-on-eof'],
  async run(context) {
    const seen = await observeLineRun(context);
    if (seen.connections.length === 0) return { diagnoses: [], skipped: 'client-did-not-start' };
    const base = clientEvidence(seen);
    const clean = seen.run.exit?.code === 0 && !hasStackTrace(seen.run);
    return { ...base, diagnoses: clean ? [] : ['client-crash-on-eof'] };
  },
};
