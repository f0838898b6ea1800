import type { DiagnosisCode } from '../../diagnoses.ts';
import type { CheckOutcome, Evidence } from '../../result.ts';
import type { ClientCheck } from '../check.ts';
import { isStub, observeLineRun } from '../line-run.ts';
import { clientEvidence, crashedBeforeConnecting } from '../evidence.ts';

// The client connects and sends the typed line as UTF-8, ended by "\n" or a half-close. Every
// other client check depends on this one.
export const sendsLine: ClientCheck = {
  id: 'client-sends-line',
  tier: 'core',
  codes: ['client-not-implemented', 'client-no-connect', 'client-wrong-message', 'client-no-terminator'],
  async run(context): Promise<CheckOutcome> {
    const seen = await observeLineRun(context);
    const base = clientEvidence(seen);
    if (isStub(seen)) return { ...base, diagnoses: ['client-not-implemented'] };
    const first = seen.connections[0];
    if (!first) return { ...base, diagnoses: ['client-no-connect'], evidence: [...crashedBeforeConnecting(seen), ...(base.evidence ?? [])] };
    const diagnoses: DiagnosisCode[] = [];
    const evidence: Evidence[] = [{ key: 'typed-line', values: { line: JSON.stringify(seen.line) } }];
    if (!first.message.equals(Buffer.from(seen.line))) diagnoses.push('client-wrong-message');
    if (first.ending === 'pause') diagnoses.push('client-no-terminator');
    return { ...base, diagnoses, evidence: [...evidence, ...(base.evidence ?? [])] };
  },
};
