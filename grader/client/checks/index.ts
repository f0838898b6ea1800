import type { ClientCheck } from '../check.ts';
import { endOfInput } from './end-of-input.ts';
import { endToEnd } from './end-to-end.ts';
import { clientHonoursPortEnv } from './honours-port-env.ts';
import { printsReply } from './prints-reply.ts';
import { readsWholeReply } from './reads-whole-reply.ts';
import { refused } from './refused.ts';
import { sendsLine } from './sends-line.ts';
import { sendsUtf8 } from './sends-utf8.ts';
import { serverCloses } from './server-closes.ts';
import { severalLines } from './several-lines.ts';
import { silentServer } from './silent-server.ts';

// The client checks in the order the report lists them; the first is every other one's prerequisite.
export const clientChecks: readonly ClientCheck[] = [
  sendsLine,
  printsReply,
  sendsUtf8,
  severalLines,
  readsWholeReply,
  serverCloses,
  refused,
  silentServer,
  endOfInput,
  clientHonoursPortEnv,
  endToEnd,
];
