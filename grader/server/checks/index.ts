import type { ServerCheck } from '../check.ts';
import { abruptDisconnect } from './abrupt-disconnect.ts';
import { closesAfterReply } from './closes-after-reply.ts';
import { countsAccented } from './counts-accented.ts';
import { countsAscii } from './counts-ascii.ts';
import { countsCjk } from './counts-cjk.ts';
import { countsDigits } from './counts-digits.ts';
import { countsEmoji } from './counts-emoji.ts';
import { countsEmptyMessage } from './counts-empty-message.ts';
import { countsPaddedMessage } from './counts-padded-message.ts';
import { honoursPortEnv } from './honours-port-env.ts';
import { honoursTimeoutEnv } from './honours-timeout-env.ts';
import { idleClient } from './idle-client.ts';
import { idleTimeout } from './idle-timeout.ts';
import { idleTimeoutRestarts } from './idle-timeout-restarts.ts';
import { invalidUtf8 } from './invalid-utf8.ts';
import { largeMessage } from './large-message.ts';
import { crlfFraming, newlineFraming } from './line-framing.ts';
import { logs } from './logs.ts';
import { segmentedMessage } from './segmented-message.ts';
import { splitCharacter } from './split-character.ts';
import { startsListening } from './starts-listening.ts';
import { servesClientsInTurn } from './serves-clients-in-turn.ts';

// The server checks in the order the report lists them. The first is every other one's
// prerequisite; 'own' checks run alongside the 'shared' ones, each on its own copy of the server.
export const serverChecks: readonly ServerCheck[] = [
  startsListening,
  countsAscii,
  countsDigits,
  countsAccented,
  countsCjk,
  countsEmoji,
  countsEmptyMessage,
  countsPaddedMessage,
  servesClientsInTurn,
  idleTimeout,
  idleTimeoutRestarts,
  newlineFraming,
  crlfFraming,
  segmentedMessage,
  splitCharacter,
  largeMessage,
  closesAfterReply,
  abruptDisconnect,
  invalidUtf8,
  idleClient,
  logs,
  honoursPortEnv,
  honoursTimeoutEnv,
];
