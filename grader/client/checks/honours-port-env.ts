import type { ClientCheck } from '../check.ts';
import { observeLineRun } from '../line-run.ts';

// The client connects to the port given in PORT; one that always uses 12345 is still graded,
// with a warning.
export const clientHonoursPortEnv: ClientCheck = {
  id: 'client-honours-port-env',
  tier: 'conventions',
  codes: ['client-ignores-port-env'],
  async run(context) {
    const seen = await observeLineRun(context);
    if (seen.connections.length === 0) return { diagnoses: [], skipped: 'client-did-not-start' };
    return { diagnoses: context.portSource() === 'fixed' ? ['client-ignores-port-env'] : [] };
  },
};
