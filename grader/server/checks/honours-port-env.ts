import type { ServerCheck } from '../check.ts';

// The grader gives each copy of the server a free port in PORT, so several can be graded at
// once. A server that listens on its hard-coded port is still graded, one copy at a time.
export const honoursPortEnv: ServerCheck = {
  id: 'honours-port-env',
  tier: 'conventions',
  runsOn: 'shared',
  codes: ['ignores-port-env'],
  async run(context) {
    const first = context.sharedHistory().instances[0];
    if (!first) return { diagnoses: [], skipped: 'server-did-not-start' };
    const evidence = [{ key: 'port-used' as const, values: { port: first.port, source: first.portSource } }];
    return { diagnoses: first.portSource === 'fixed' ? ['ignores-port-env'] : [], evidence };
  },
};
