import { asciiSentence } from '../random.ts';
import type { ClientCheckContext, ScenarioResult } from './check.ts';
import { decoyReply } from './replies.ts';
import { stubMarker } from '../submission/stub.ts';

// The client's first and plainest run: one line, the grader's server answers a decoy number,
// then the input ends. Several checks judge it (what was sent, what was printed, how the client
// ended, which port it used), so it runs once.

export interface LineRun extends ScenarioResult {
  readonly line: string;
  /** The number the grader's server answers to a message. */
  readonly decoyFor: (message: Buffer) => number;
}

export const normalRunMs = 15_000;
/** How long a client may take to start on a busy machine before its own timing counts. */
export const startAllowanceMs = 6_000;

export function observeLineRun(context: ClientCheckContext): Promise<LineRun> {
  return context.once('line-run', async () => {
    const line = asciiSentence(context.random);
    const { reply, decoyFor } = decoyReply(context.random);
    const result = await context.play({ behaviour: { kind: 'answer', reply }, lines: [line], deadlineMs: normalRunMs });
    return { ...result, line, decoyFor };
  });
}

export function isStub(result: ScenarioResult): boolean {
  return result.connections.length === 0 && stubMarker.test(`${result.run.stderr}\n${result.run.stdout}`);
}
