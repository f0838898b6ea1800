import { asciiSentence } from '../../random.ts';
import type { ProgramExit } from '../../process/program.ts';
import type { CheckOutcome, LabelledExchange } from '../../result.ts';
import { isCrash, type ServerCheck, type ServerCheckContext } from '../check.ts';
import type { ServerInstance } from '../instance.ts';
import { crashesOnPlainMessage } from '../count-check.ts';
import { judgeCountReply } from '../count-reply.ts';
import { timeoutLineSince } from '../idle-observation.ts';

// A client that connects and then resets the connection (a killed program, a dropped network)
// must cost the server that one connection only: the next client is served as usual. It sends
// nothing before the reset, so that a server without error handling fails every time, not only
// when the reset overtakes its read.
export const abruptDisconnect: ServerCheck = {
  id: 'abrupt-disconnect',
  tier: 'robustness',
  runsOn: 'shared',
  codes: ['crash-on-disconnect', 'no-reply', 'crashed'],
  async run(context) {
    const server = await context.sharedServer();
    const since = server.program.elapsedMs();
    const abrupt = await context.exchange(server, { segments: [], ending: 'reset', replyTimeoutMs: 0 });
    const text = asciiSentence(context.random);
    const exchanges: LabelledExchange[] = [{ label: 'abrupt-client', exchange: abrupt }];
    // The next client comes at once: a server that survived answers it; one that did not has
    // its end (and what ended it) looked at once it leaves that client unanswered.
    const next = await context.exchange(server, {
      segments: [{ bytes: Buffer.from(text) }],
      ending: 'half-close',
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    exchanges.push({ label: 'next-client', exchange: next });
    if (next.reply.length > 0) return { diagnoses: [], evidence: judgeCountReply(text, next.reply).evidence, exchanges };
    const exit = await server.program.waitForExit(context.timing.crashWatchMs);
    if (!exit) return { diagnoses: ['no-reply'], exchanges };
    if (isCrash(exit)) return blameCrash(context, server, exit, exchanges);
    // Stopping after any first client is serves-clients-in-turn's finding; a server that
    // serves several clients in turn but stops here was stopped by this client.
    if (context.earlierFinding('serves-clients-in-turn')?.diagnoses.includes('exits-after-first-client')) {
      return { diagnoses: [], skipped: 'stopped-after-first-client', exchanges };
    }
    // It said its idle timeout had run out: a timer of a few milliseconds (seconds given as
    // milliseconds) stopped it, not the reset; idle-timeout judges that.
    if (timeoutLineSince(server.program, since)) return { diagnoses: [], skipped: 'timeout-judged-elsewhere', exchanges, output: server.program.output.tail.slice(-12) };
    const evidence = [{ key: 'stopped-by-disconnect' as const, values: { code: exit.code ?? '—' } }];
    return { diagnoses: ['crash-on-disconnect'], evidence, exchanges, output: server.program.output.tail.slice(-12) };
  },
};

/** The disconnect is to blame only if an ordinary message does not crash the server as well. */
async function blameCrash(context: ServerCheckContext, server: ServerInstance, exit: ProgramExit, exchanges: LabelledExchange[]): Promise<CheckOutcome> {
  const output = server.program.output.tail.slice(-12);
  const plain = await crashesOnPlainMessage(context);
  return {
    diagnoses: [plain.crashes ? 'crashed' : 'crash-on-disconnect'],
    evidence: [
      { key: 'server-exited', values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } },
      ...(plain.crashes ? [{ key: 'plain-message-crashes-too' as const }] : []),
    ],
    exchanges: [...exchanges, plain.exchange],
    output,
  };
}
