import type { ProgramExit } from '../process/program.ts';
import type { Evidence } from '../result.ts';
import { sandboxLimits } from './limits.ts';

// An exit status of 137 says little; that the sandbox's memory limit ended the program says
// what happened. Added wherever a report describes how a program ended.

const amounts = {
  memory: `${sandboxLimits.memoryBytes / 1024 / 1024} MB`,
  processes: String(sandboxLimits.processes),
  'cpu-time': `${sandboxLimits.cpuSeconds} s`,
};

export function limitEvidence(exit: ProgramExit | undefined): Evidence[] {
  return (exit?.limitsHit ?? []).map((limit) => ({ key: 'sandbox-limit', values: { limit, amount: amounts[limit] } }));
}
