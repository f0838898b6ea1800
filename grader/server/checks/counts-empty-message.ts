import { isWarningCode } from '../../diagnoses.ts';
import { isCrash, type ServerCheck } from '../check.ts';
import { sendInOneWrite, withCrashCheck } from '../count-check.ts';
import { judgeCountReply } from '../count-reply.ts';

// A client that connects and closes at once sends the empty message: the answer is 0. A server
// that ends on it (a crash, or "if not data: break" around the accept loop) is crash-on-empty;
// one that stays up without answering is told what was seen, never that it crashed.
export const countsEmptyMessage: ServerCheck = {
  id: 'counts-empty-message',
  tier: 'core',
  runsOn: 'shared',
  codes: ['crash-on-empty', 'no-reply', 'wrong-count', 'ambiguous-reply', 'verbose-reply', 'reply-without-newline', 'not-listening'],
  async run(context) {
    const { server, exchange: sent } = await sendInOneWrite(context, '');
    const judgement = judgeCountReply('', sent.reply);
    const outcome = await withCrashCheck(context, server, sent, judgement, 'crash-on-empty');
    const failed = outcome.diagnoses.some((code) => !isWarningCode(code) && code !== 'not-listening');
    if (!failed) return outcome;
    // A crash is withCrashCheck's to name (crash-on-empty, or crashed when any message crashes it).
    if (server.program.exit && !isCrash(server.program.exit) && sent.reply.length === 0) return { ...outcome, diagnoses: ['crash-on-empty'] };
    return judgement.diagnoses.includes('no-reply') ? { ...outcome, evidence: [...(outcome.evidence ?? []), { key: 'empty-unanswered' }] } : outcome;
  },
};
