import type { ServerCheck } from '../check.ts';

// Everything else depends on this one: the server starts and accepts connections on the port it
// was given (or, with a warning from honours-port-env, on the port it hard-codes).
export const startsListening: ServerCheck = {
  id: 'starts-listening',
  tier: 'core',
  runsOn: 'shared',
  codes: ['not-implemented', 'not-listening', 'crashed'],
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
    const failure = result.failure;
    if (failure.kind === 'exited') {
      return {
        diagnoses: [failure.stub ? 'not-implemented' : 'crashed'],
        evidence: [{ key: 'start-exited', values: { code: failure.exit.code ?? '—', signal: failure.exit.signal ?? '—' } }],
        output: failure.output.slice(-12),
      };
    }
    return {
      diagnoses: ['not-listening'],
      evidence: [{ key: 'not-listening', values: { seconds: context.timing.startTimeoutMs / 1000 } }],
      output: failure.output.slice(-12),
    };
  },
};
