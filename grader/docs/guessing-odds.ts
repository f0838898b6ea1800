import { accentedSentence, asciiSentence, cjkSentence, createRandom, digitsOnly, emojiSentence, paddedSentence, seedFor, type Random } from '../random.ts';
import { characterCount } from '../server/count-reply.ts';

// How likely a program that does not do the work is to pass by luck, worked out from the very
// messages the checks draw, so that the number in docs/checks.md stays true when they change.

const countChecks: Readonly<Record<string, (random: Random) => string>> = {
  'counts-ascii': asciiSentence,
  'counts-digits': digitsOnly,
  'counts-accented': accentedSentence,
  'counts-cjk': cjkSentence,
  'counts-emoji': emojiSentence,
  'counts-padded-message': paddedSentence,
};

export interface GuessOdds {
  /** Per check: the luckiest fixed answer and how often it is right. */
  readonly perCheck: readonly { readonly id: string; readonly answer: number; readonly chance: number }[];
  /** The chance of passing all of them with the luckiest fixed answer for each. */
  readonly all: number;
}

export function serverGuessOdds(samples = 20_000): GuessOdds {
  const perCheck = Object.entries(countChecks).map(([id, message]) => {
    const seen = new Map<number, number>();
    for (let i = 0; i < samples; i += 1) {
      const count = characterCount(message(createRandom(seedFor(i, id))));
      seen.set(count, (seen.get(count) ?? 0) + 1);
    }
    const [answer, hits] = [...seen].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { id, answer, chance: hits / samples };
  });
  return { perCheck, all: perCheck.reduce((product, check) => product * check.chance, 1) };
}

/** The decoy a client must print is its message's count plus an offset drawn from this many values. */
export const decoyOffsets = 89 - 11 + 1;
/** The client checks that each draw a decoy of their own and judge what the client printed. */
export const decoyChecks = ['client-prints-reply', 'client-several-lines', 'client-reads-whole-reply'];
