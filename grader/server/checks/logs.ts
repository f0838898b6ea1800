import type { OutputLine } from '../../process/output.ts';
import type { ServerCheck, SharedHistory } from '../check.ts';

// The lab asks the server to log what happens: that it listens, each connection (with the
// client's address), each message (with its size) and each reply. The log is read only for
// these four kinds of line, in the student's words (English or Indonesian); a missing one is
// a warning, never a failure.

export type LogKind = 'listening' | 'connection' | 'message' | 'reply';

// Each kind of line is recognised by its own words or by what only it can hold: the port the
// server listens on, the client's own port number, the message's text. Bare numbers and
// addresses are not enough: "Listening on 127.0.0.1:40001" is not a connection log.
const keywords: Record<LogKind, RegExp> = {
  listening: /listen|mendengar|menunggu|waiting|running|berjalan|started|dimulai|aktif|ready|siap/i,
  connection: /connect|terhubung|koneksi|sambung|accept|client|klien/i,
  message: /receiv|diterima|terima|pesan|message|recv/i,
  reply: /repl|sent\b|send|kirim|balas|jawab|respon|answer/i,
};

function mentionsAny(line: OutputLine, needles: readonly string[]): boolean {
  return needles.some((needle) => needle.length >= 4 && line.text.includes(needle));
}

export function findLogKinds(history: SharedHistory): Record<LogKind, boolean> {
  const lines = history.instances.flatMap((server) => server.program.output.lines);
  const ports = history.instances.map((server) => String(server.port));
  const clientPorts = history.exchanges.map(({ exchange }) => String(exchange.clientPort ?? ''));
  const messages = history.exchanges.map(({ sent }) => sent.toString('utf8').slice(0, 12).trim());
  // A server that never answered anyone (it stopped at once, say) had no connection or message
  // to log: on a loaded machine whether it got that far is a race, and not its logging's fault.
  const served = history.exchanges.some(({ exchange }) => exchange.reply.length > 0);
  return {
    listening: lines.some((line) => keywords.listening.test(line.text) || mentionsAny(line, ports)),
    connection: !served || lines.some((line) => keywords.connection.test(line.text) || mentionsAny(line, clientPorts)),
    message: !served || lines.some((line) => keywords.message.test(line.text) || mentionsAny(line, messages)),
    reply: lines.some((line) => keywords.reply.test(line.text)),
  };
}

export const logs: ServerCheck = {
  id: 'logs',
  tier: 'conventions',
  runsOn: 'shared',
  codes: ['missing-logs'],
  async run(context) {
    const found = findLogKinds(context.sharedHistory());
    const kinds = Object.keys(found) as LogKind[];
    const present = kinds.filter((kind) => found[kind]);
    const missing = kinds.filter((kind) => !found[kind]);
    const evidence = [
      { key: 'logs-found' as const, values: { kinds: present.join(', ') || '—' } },
      ...(missing.length > 0 ? [{ key: 'logs-missing' as const, values: { kinds: missing.join(', ') } }] : []),
    ];
    // §7: a missing reply line alone is not worth a warning.
    const warn = missing.some((kind) => kind !== 'reply');
    return { diagnoses: warn ? ['missing-logs'] : [], evidence };
  },
};
