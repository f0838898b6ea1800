import { namedError } from '../process/error-line.ts';
import { limitEvidence } from '../sandbox/limit-evidence.ts';
import { isCrash, type ServerCheck } from './check.ts';
import type { DiagnosisCode } from '../diagnoses.ts';
import type { CheckOutcome } from '../result.ts';
import { timeoutLinePattern } from './idle-observation.ts';
import { addressInUse, type StartFailure } from './instance.ts';
import type { Timing } from './timing.ts';

// What a failed start says about the program, the same whether it is the first start or a
// later one: the stub, a crash, an idle timeout that fired at once, or no listening at all.

/**
 * What a check that needs the server can give when a start fails (the shared server's start
 * again after it stopped, a copy of its own, or the copy another check started for it to judge
 * too): all of the above but the stub, which never listened in the first place. A server whose
 * idle timer fires within milliseconds of listening gives wrong-idle-timeout there whenever its
 * first start was seen listening, which a fast start and a quick look at the socket tables make
 * likely.
 */
export const restartFailureCodes: readonly DiagnosisCode[] = ['crashed', 'not-listening', 'wrong-idle-timeout'];

/**
 * Every code a server check can give: its own, and those of a failed start. A check that judges
 * another check's copy (honours-timeout-env, on idle-timeout's) meets that copy's failed start too.
 */
export function codesItCanGive(check: ServerCheck): readonly DiagnosisCode[] {
  return [...new Set([...check.codes, ...restartFailureCodes])];
}

export function outcomeOfStartFailure(failure: StartFailure, timing: Timing): CheckOutcome {
  const output = failure.output.slice(-12);
  if (failure.kind === 'not-listening') {
    return { diagnoses: ['not-listening'], evidence: [{ key: 'not-listening', values: { seconds: timing.startTimeoutMs / 1000 } }], output };
  }
  // The grader's connections held the port longer than it waits: not the program's fault.
  if (failure.kind === 'time-wait') return { diagnoses: [], skipped: 'port-in-time-wait', output };
  const { exit } = failure;
  const exited = { key: 'start-exited' as const, values: { code: exit.code ?? '—', signal: exit.signal ?? '—', seconds: (exit.atMs / 1000).toFixed(2) } };
  if (failure.stub) return { diagnoses: ['not-implemented'], evidence: [exited], output };
  if (isCrash(exit)) {
    // A port it chose itself was taken: the grader gave it a free one in PORT.
    const portTaken = failure.output.some((line) => addressInUse.test(line.text)) ? [{ key: 'address-in-use' as const }] : [];
    const error = namedError(failure.output.filter((line) => line.stream === 'stderr').map((line) => line.text).join('\n'));
    const named = error === undefined || portTaken.length > 0 ? [] : [{ key: 'start-error' as const, values: { error } }];
    return { diagnoses: ['crashed'], evidence: [exited, ...named, ...portTaken, ...limitEvidence(exit)], output };
  }
  // It ended on its own, saying it timed out: its idle timeout fired (almost) at once.
  if (failure.output.some((line) => timeoutLinePattern.test(line.text))) {
    return { diagnoses: ['wrong-idle-timeout'], evidence: [exited, { key: 'timed-out-at-start' }], output };
  }
  return { diagnoses: ['not-listening'], evidence: [exited], output };
}
