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
    const first = seen.connections[0];
    const evidence = [{ key: 'client-port-used' as const, values: { port: first?.port ?? seen.port, source: context.portSource() } }];
    return { diagnoses: context.portSource() === 'fixed' ? ['client-ignores-port-env'] : [], evidence };
  },
};
