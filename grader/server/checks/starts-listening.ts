import type { ServerCheck } from '../check.ts';
import { outcomeOfStartFailure } from '../start-failure.ts';

// Everything else depends on this one: the server starts and accepts connections on the port it
// was given (or, with a warning from honours-port-env, on the port it hard-codes).
export const startsListening: ServerCheck = {
  id: 'starts-listening',
  tier: 'core',
  runsOn: 'shared',
  codes: ['not-implemented', 'not-listening', 'crashed', 'wrong-idle-timeout'],
  async run(context) {
    const result = await context.firstStart();
    if ('instance' in result) {
      const { startupMs, port, portSource } = result.instance;
      return {
        diagnoses: [],
        evidence: [{ key: 'started', values: { ms: Math.round(startupMs), port } }],
        measurements: { startupMs, port, portSource },
      };
    }
    return outcomeOfStartFailure(result.failure, context.timing);
  },
};
