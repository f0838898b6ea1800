import { isCrash, type ServerCheck } from '../check.ts';
import { observeIdleTimeout, timedOutAfterMs, timedOutWithin, unjudgedTimeout } from '../idle-observation.ts';

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
    const seen = await observeIdleTimeout(context);
    const at = timedOutAfterMs(seen);
    const unjudged = unjudgedTimeout(seen, timing);
    if (unjudged) return { diagnoses: [], skipped: unjudged };
    if (isCrash(seen.exit)) return { diagnoses: [], skipped: 'crashed-at-timeout' };
    if (at === undefined) return { diagnoses: [], skipped: 'no-idle-timeout-seen' };
    const evidence = [{ key: 'timeout-env-used' as const, values: { given: timing.socketTimeoutEnv ?? '—', seconds: (at / 1000).toFixed(2) } }];
    if (timedOutWithin(seen, timing.idleTimeoutMs, timing.idleToleranceMs)) return { diagnoses: [], evidence };
    if (timedOutWithin(seen, timing.defaultIdleTimeoutMs, 1000)) return { diagnoses: ['ignores-timeout-env'], evidence };
    // Neither the time it was given nor the default: a wrong timeout, which idle-timeout reports.
    return { diagnoses: [], skipped: 'timeout-judged-elsewhere', evidence };
  },
};
