import type { DiagnosisCode } from '../../diagnoses.ts';
import type { Evidence, Measurements } from '../../result.ts';
import { isCrash, type ServerCheck } from '../check.ts';
import { observeIdleTimeout, timedOutAfterMs, timedOutWithin, unjudgedTimeout } from '../idle-observation.ts';

// When no new client connects for SOCKET_TIMEOUT seconds, the server says so and stops.
// Measured on a copy of the server of its own, while the other checks run, so that a full
// grade costs about the 10 s the lab makes us wait and not the sum of everything.
export const idleTimeout: ServerCheck = {
  id: 'idle-timeout',
  tier: 'core',
  runsOn: 'own',
  codes: ['no-idle-timeout', 'wrong-idle-timeout', 'no-timeout-message', 'timeout-keeps-running', 'crashed'],
  async run(context) {
    const { timing } = context;
    const seen = await observeIdleTimeout(context);
    const exchanges = [{ label: 'message' as const, exchange: seen.exchange }];
    const output = seen.output;
    const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
    const evidence: Evidence[] = [
      { key: 'idle-expected', values: { seconds: timing.idleTimeoutMs / 1000, tolerance: timing.idleToleranceMs / 1000 } },
    ];
    if (seen.firstAfterMs !== undefined) evidence.push({ key: 'idle-remeasured', values: { seconds: seconds(seen.firstAfterMs) } });
    if (seen.messageAfterMs !== undefined) evidence.push({ key: 'idle-message', values: { seconds: seconds(seen.messageAfterMs) } });
    if (seen.exit) evidence.push({ key: 'idle-exit', values: { seconds: seconds(seen.exitAfterMs), code: seen.exit.code ?? '—' } });
    const measured: Partial<Measurements> = {
      idleTimeoutExpectedMs: timing.idleTimeoutMs,
      idleTimeoutMessageMs: seen.messageAfterMs,
      idleTimeoutExitMs: seen.exitAfterMs,
    };
    const result = (diagnoses: DiagnosisCode[], behaviour: Measurements['idleTimeoutBehaviour']) => ({
      diagnoses,
      evidence,
      exchanges,
      output,
      measurements: { ...measured, idleTimeoutBehaviour: behaviour, idleTimeoutOnTime: !diagnoses.includes('wrong-idle-timeout') },
    });
    const at = timedOutAfterMs(seen);
    const unjudged = unjudgedTimeout(seen, timing);
    if (unjudged) return { diagnoses: [], skipped: unjudged, exchanges, output, evidence };
    if (seen.exit && isCrash(seen.exit)) {
      evidence.push({ key: 'idle-crashed' });
      return result(['crashed'], 'crashes');
    }
    if (at === undefined) {
      evidence.push({ key: 'idle-nothing', values: { seconds: seconds(seen.watchedMs) } });
      return result(['no-idle-timeout'], 'never');
    }
    // In a quick grade a program that keeps the default 10 s is right about the timeout itself;
    // honours-timeout-env warns that it ignored SOCKET_TIMEOUT.
    const onTime =
      timedOutWithin(seen, timing.idleTimeoutMs, timing.idleToleranceMs) ||
      (timing.quick && timedOutWithin(seen, timing.defaultIdleTimeoutMs, 1000));
    const diagnoses: DiagnosisCode[] = onTime ? [] : ['wrong-idle-timeout'];
    if (seen.exit && seen.messageAfterMs === undefined) return result([...diagnoses, 'no-timeout-message'], 'silent-stop');
    if (!seen.exit) {
      evidence.push({ key: 'idle-still-running', values: { seconds: seconds(seen.watchedMs) } });
      return result([...diagnoses, 'timeout-keeps-running'], 'keeps-running');
    }
    return result(diagnoses, 'stops');
  },
};
