import type { ServerCheck } from '../check.ts';
import { observeIdleTimeout, timedOutAfterMs, within } from '../idle-observation.ts';

// Only a quick grade can tell: it passes a short SOCKET_TIMEOUT, and a program that still
// waits the default 10 s has it hard-coded. A full grade leaves SOCKET_TIMEOUT unset.
export const honoursTimeoutEnv: ServerCheck = {
  id: 'honours-timeout-env',
  tier: 'conventions',
  runsOn: 'own',
  startsServer: false,
  quickOnly: true,
  codes: ['ignores-timeout-env'],
  async run(context) {
    const { timing } = context;
    const at = timedOutAfterMs(await observeIdleTimeout(context));
    if (at === undefined) return { diagnoses: [], skipped: 'no-idle-timeout-seen' };
    const keptDefault = !within(at, timing.idleTimeoutMs, timing.idleToleranceMs) && within(at, timing.defaultIdleTimeoutMs, 1000);
    const evidence = [{ key: 'timeout-env-used' as const, values: { given: timing.socketTimeoutEnv ?? '—', seconds: (at / 1000).toFixed(2) } }];
    return { diagnoses: keptDefault ? ['ignores-timeout-env'] : [], evidence };
  },
};
