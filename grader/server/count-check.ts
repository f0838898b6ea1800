import { isWarningCode, type DiagnosisCode } from '../diagnoses.ts';
import type { Exchange } from '../net/exchange.ts';
import type { Random } from '../random.ts';
import type { CheckOutcome, Tier } from '../result.ts';
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
  /** When set, any failure on this message (no reply, a wrong number) is given this one code. */
  readonly failureCode?: DiagnosisCode;
}

export function countCheck(spec: CountCheckSpec): ServerCheck {
  const crashCode = spec.crashCode ?? 'crashed';
  return {
    id: spec.id,
    tier: spec.tier ?? 'core',
    runsOn: 'shared',
    codes: spec.failureCode
      ? [spec.failureCode, 'verbose-reply', 'reply-without-newline', 'not-listening']
      : ['wrong-count', 'counts-bytes', 'counts-utf16', 'no-reply', 'verbose-reply', 'reply-without-newline', 'not-listening', crashCode],
    async run(context) {
      const text = spec.message(context.random);
      const { server, exchange: sent } = await context.exchangeWithShared({
        segments: [{ bytes: Buffer.from(text) }],
        ending: 'half-close',
        replyTimeoutMs: context.timing.replyTimeoutMs,
      });
      const judgement = judgeCountReply(text, sent.reply);
      const failed = judgement.diagnoses.some((code) => !isWarningCode(code));
      const diagnoses = spec.failureCode && failed ? [spec.failureCode] : judgement.diagnoses;
      return withCrashCheck(context, server, sent, { diagnoses, evidence: judgement.evidence }, crashCode);
    },
  };
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
  const exchanges = [{ label: 'message' as const, exchange: sent }];
  let diagnoses = sent.connected ? [...outcome.diagnoses] : ['not-listening' as const];
  if (!exit) return { diagnoses, evidence: outcome.evidence, exchanges };
  if (isCrash(exit)) diagnoses = replied ? [...diagnoses, crashCode] : [crashCode];
  return {
    diagnoses,
    evidence: [...(outcome.evidence ?? []), { key: 'server-exited', values: { code: exit.code ?? '—', signal: exit.signal ?? '—' } }],
    exchanges,
    output: isCrash(exit) ? server.program.output.tail.slice(-12) : [],
  };
}
