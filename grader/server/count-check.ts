import type { DiagnosisCode } from '../diagnoses.ts';
import type { Exchange } from '../net/exchange.ts';
import type { Random } from '../random.ts';
import type { CheckOutcome, Evidence, LabelledExchange, Tier } from '../result.ts';
import { limitEvidence } from '../sandbox/limit-evidence.ts';
import { asciiSentence } from '../random.ts';
import { isCrash, type ServerCheck, type ServerCheckContext } from './check.ts';
import { judgeCountReply } from './count-reply.ts';
import type { ServerInstance } from './instance.ts';

// The commonest shape of check: send one message in one write, half-close, and judge the count
// in the reply. Half-close ends the message whatever framing the server uses, so these checks
// judge counting alone.

export interface CountCheckSpec {
  readonly id: string;
  readonly tier?: Tier;
  readonly message: (random: Random) => string;
  /** The code for a server that dies on this message. */
  readonly crashCode?: DiagnosisCode;
  /** Codes this check's message can give beyond the usual counting mistakes. */
  readonly extraCodes?: readonly DiagnosisCode[];
}

export function countCheck(spec: CountCheckSpec): ServerCheck {
  const crashCode = spec.crashCode ?? 'crashed';
  return {
    id: spec.id,
    tier: spec.tier ?? 'core',
    runsOn: 'shared',
    codes: ['wrong-count', 'counts-bytes', 'counts-utf16', ...(spec.extraCodes ?? []), 'no-reply', 'ambiguous-reply', 'verbose-reply', 'reply-without-newline', 'not-listening', crashCode],
    async run(context) {
      const text = spec.message(context.random);
      const { server, exchange: sent } = await sendInOneWrite(context, text);
      const judgement = judgeCountReply(text, sent.reply);
      return withCrashCheck(context, server, sent, judgement, crashCode);
    },
  };
}

/** One message in one write, then a half-close: the end of the message whatever the framing. */
export function sendInOneWrite(context: ServerCheckContext, text: string): ReturnType<ServerCheckContext['exchangeWithShared']> {
  return context.exchangeWithShared({
    segments: [{ bytes: Buffer.from(text) }],
    ending: 'half-close',
    replyTimeoutMs: context.timing.replyTimeoutMs,
  });
}

/**
 * Adds what happened to the server process to an exchange's outcome: a server that died on the
 * message gets `crashCode` (and its last output lines), however good its reply was.
 */
export async function withCrashCheck(
  context: ServerCheckContext,
  server: ServerInstance,
  sent: Exchange,
  outcome: Pick<CheckOutcome, 'diagnoses' | 'evidence'>,
  crashCode: DiagnosisCode = 'crashed',
): Promise<CheckOutcome> {
  const replied = sent.reply.length > 0;
  const exit = await server.program.waitForExit(replied ? 30 : context.timing.crashWatchMs);
  const exchanges: LabelledExchange[] = [{ label: 'message', exchange: sent }];
  let diagnoses: DiagnosisCode[] = sent.connected ? [...outcome.diagnoses] : ['not-listening'];
  if (!exit) return { diagnoses, evidence: outcome.evidence, exchanges };
  const evidence: Evidence[] = [
    ...(outcome.evidence ?? []),
    { key: 'server-exited', values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } },
    ...limitEvidence(exit),
  ];
  const output = server.program.output.tail.slice(-12);
  if (!isCrash(exit)) return { diagnoses, evidence, exchanges, output };
  const confirmed = crashCode === 'crashed' ? undefined : await crashesOnPlainMessage(context);
  if (confirmed?.crashes) evidence.push({ key: 'plain-message-crashes-too' });
  const code = confirmed?.crashes ? 'crashed' : crashCode;
  diagnoses = replied ? [...diagnoses, code] : [code];
  return { diagnoses, evidence, exchanges: [...exchanges, ...(confirmed ? [confirmed.exchange] : [])], output };
}

/**
 * A crash is blamed on what is special about a check's message (empty, not UTF-8, split) only
 * if an ordinary message does not crash the server too: otherwise it is a plain crash, and the
 * report says so instead of sending the student after the wrong cause.
 */
export async function crashesOnPlainMessage(context: ServerCheckContext): Promise<{ crashes: boolean; exchange: LabelledExchange }> {
  const { server, exchange } = await sendInOneWrite(context, asciiSentence(context.random));
  const exit = exchange.reply.length > 0 ? undefined : await server.program.waitForExit(context.timing.crashWatchMs);
  return { crashes: isCrash(exit), exchange: { label: 'plain-message', exchange } };
}
