import { asciiSentence } from '../../random.ts';
import type { LabelledExchange } from '../../result.ts';
import { isCrash, type ServerCheck } from '../check.ts';

// Three clients one after another on the same server process. Any reply will do here: whether
// the count is right is the counting checks' business.
const clients = 3;

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
    const { server, exchange: firstSent } = await context.exchangeWithShared(script());
    const exchanges: LabelledExchange[] = [];
    for (let n = 1; n <= clients; n += 1) {
      const sent = n === 1 ? firstSent : await context.exchange(server, script());
      exchanges.push({ label: 'client-n', n, exchange: sent });
      if (sent.reply.length > 0 && server.program.running) continue;
      const exit = await server.program.waitForExit(context.timing.crashWatchMs);
      const served = n - (sent.reply.length > 0 ? 0 : 1);
      const evidence = [{ key: 'served-clients' as const, values: { served, of: clients } }];
      if (!exit) return { diagnoses: ['no-reply'], evidence, exchanges };
      const exited = { key: 'server-exited' as const, values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } };
      if (isCrash(exit)) return { diagnoses: ['crashed'], evidence: [...evidence, exited], exchanges, output: server.program.output.tail.slice(-12) };
      return { diagnoses: ['exits-after-first-client'], evidence: [...evidence, exited], exchanges };
    }
    return { diagnoses: [], evidence: [{ key: 'served-clients', values: { served: clients, of: clients } }], exchanges };
  },
};
