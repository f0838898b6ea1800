import { asciiSentence } from '../../random.ts';
import type { CheckOutcome, LabelledExchange } from '../../result.ts';
import { isCrash, type ServerCheck } from '../check.ts';
import { timeoutLineSince } from '../idle-observation.ts';

// Three clients one after another on the same server process. Any reply will do here: whether
// the count is right is the counting checks' business.
const clients = 3;

// A server may rightly stop when no new client came for SOCKET_TIMEOUT (2 s in a quick grade):
// on a machine slow enough to take that long between two clients, the sequence starts again on
// a fresh server, and after that many tries the check is not judged rather than blamed on it.
const tries = 3;

export const servesClientsInTurn: ServerCheck = {
  id: 'serves-clients-in-turn',
  tier: 'core',
  runsOn: 'shared',
  codes: ['exits-after-first-client', 'crashed', 'no-reply'],
  async run(context) {
    const script = () => ({
      segments: [{ bytes: Buffer.from(asciiSentence(context.random)) }],
      ending: 'half-close' as const,
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    for (let attempt = 1; ; attempt += 1) {
      const { server, exchange: firstSent } = await context.exchangeWithShared(script());
      const { program } = server;
      const exchanges: LabelledExchange[] = [];
      let connectedAtMs = program.elapsedMs();
      let outcome: CheckOutcome | undefined;
      for (let n = 1; n <= clients && !outcome; n += 1) {
        if (n > 1) connectedAtMs = program.elapsedMs();
        const sent = n === 1 ? firstSent : await context.exchange(server, script());
        exchanges.push({ label: 'client-n', n, exchange: sent });
        if (sent.reply.length > 0 && program.running) continue;
        const exit = await program.waitForExit(context.timing.crashWatchMs);
        const served = n - (sent.reply.length > 0 ? 0 : 1);
        const evidence = [{ key: 'served-clients' as const, values: { served, of: clients } }];
        if (!exit) return { diagnoses: ['no-reply'], evidence, exchanges };
        const exited = { key: 'server-exited' as const, values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } };
        if (isCrash(exit)) return { diagnoses: ['crashed'], evidence: [...evidence, exited], exchanges, output: program.output.tail.slice(-12) };
        outcome = { diagnoses: ['exits-after-first-client'], evidence: [...evidence, exited], exchanges };
        const { idleTimeoutMs, idleToleranceMs } = context.timing;
        const timedOut = timeoutLineSince(program, connectedAtMs) !== undefined && exit.atMs - connectedAtMs >= idleTimeoutMs - idleToleranceMs;
        if (!timedOut) return outcome;
        if (attempt === tries) return { diagnoses: [], skipped: 'timed-out-during-check', evidence: [...evidence, exited], exchanges };
      }
      if (!outcome) return { diagnoses: [], evidence: [{ key: 'served-clients', values: { served: clients, of: clients } }], exchanges };
    }
  },
};
