import type { ServerCheck } from '../check.ts';
import { withCrashCheck } from '../count-check.ts';

// Bytes that are not UTF-8 at all (0xFF never appears in UTF-8; 0xC3 0x28 is a broken pair).
// Any count is accepted (each invalid sequence may count as one character): the server only
// has to survive and answer.
const invalidBytes = Buffer.from([0x68, 0x61, 0x6c, 0x6f, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0x28, 0x21]);

export const invalidUtf8: ServerCheck = {
  id: 'invalid-utf8',
  tier: 'robustness',
  runsOn: 'shared',
  codes: ['crash-on-invalid-utf8', 'no-reply', 'not-listening'],
  async run(context) {
    const { server, exchange: sent } = await context.exchangeWithShared({
      segments: [{ bytes: invalidBytes }],
      ending: 'half-close',
      replyTimeoutMs: context.timing.replyTimeoutMs,
    });
    const hasNumber = /\d/.test(sent.reply.toString('latin1'));
    return withCrashCheck(
      context,
      server,
      sent,
      { diagnoses: hasNumber ? [] : ['no-reply'], evidence: [{ key: 'any-reply-accepted' }] },
      'crash-on-invalid-utf8',
    );
  },
};
