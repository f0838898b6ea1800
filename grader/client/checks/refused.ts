import { asciiSentence } from '../../random.ts';
import type { ClientCheck } from '../check.ts';
import { clientEvidence } from '../evidence.ts';
import { hasStackTrace } from '../run-client.ts';

// Nothing listens on the port: one clear line on standard error and a non-zero exit status;
// no stack trace, no hang.
const refusedRunMs = 8_000;

export const refused: ClientCheck = {
  id: 'client-refused',
  tier: 'robustness',
  codes: ['client-unhandled-refused'],
  async run(context) {
    const seen = await context.playRefused([asciiSentence(context.random)], refusedRunMs);
    const base = clientEvidence(seen);
    const trace = hasStackTrace(seen.run);
    const evidence = [
      { key: 'nothing-listening' as const, values: { port: seen.port } },
      ...(trace ? [{ key: 'stack-trace-shown' as const }] : []),
      ...(base.evidence ?? []),
    ];
    const clean = seen.run.exit !== undefined && seen.run.exit.code !== 0 && !trace && seen.run.stderr.trim() !== '';
    return { ...base, evidence, diagnoses: clean ? [] : ['client-unhandled-refused'] };
  },
};
