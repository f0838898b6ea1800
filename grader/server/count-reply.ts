import type { DiagnosisCode } from '../diagnoses.ts';
import type { Evidence } from '../result.ts';

// Reading a server's reply to a message: is it the right count, and if not, what does the
// wrong number betray? The grader only ever looks at the reply's bytes, never at what the
// program prints.

/** The codes judgeCountReply can give. */
export const countReplyCodes: readonly DiagnosisCode[] = [
  'wrong-count',
  'counts-bytes',
  'counts-utf16',
  'counts-newline',
  'no-reply',
  'verbose-reply',
  'reply-without-newline',
  'ambiguous-reply',
  'counts-stripped',
];

export interface CountJudgement {
  readonly diagnoses: DiagnosisCode[];
  readonly expected: number;
  /** The number the diagnosis is about, when the reply holds one. */
  readonly got?: number;
  readonly evidence: Evidence[];
}

export function characterCount(text: string): number {
  return [...text].length;
}

function messageSizeEvidence({ chars, bytes, utf16 }: MessageSizes): Evidence {
  return { key: 'message-size', values: { chars, bytes, utf16 } };
}

/**
 * @param message the message as sent, without its line ending
 * @param lineEnding the line ending sent after it, if any: a server that counts it is told so
 */
export function judgeCountReply(message: string, reply: Buffer, lineEnding = ''): CountJudgement {
  // Measured once: a spray of a thousand numbers after a 64 KiB message, each measuring the
  // message again, held the grader's event loop (and every grade sharing it) for 2 s.
  const sizes = sizesOf(message);
  const expected = sizes.chars;
  const evidence = [messageSizeEvidence(sizes)];
  if (reply.length === 0) return { diagnoses: ['no-reply'], expected, evidence };
  const text = reply.toString('utf8');
  const numbers = countCandidates(text, [message]);
  const exact = /^\s*(\d+)\s*$/.exec(text);
  const judged = (diagnoses: DiagnosisCode[], got?: number): CountJudgement => ({
    diagnoses,
    expected,
    got,
    evidence: [...evidence, { key: 'expected-count', values: { expected, got: got ?? '—' } }],
  });
  if (exact && Number(exact[1]) === expected) {
    return judged(text.includes('\n') ? [] : ['reply-without-newline'], expected);
  }
  if (numbers.includes(expected)) {
    if (numbers.length === 1) return judged(['verbose-reply'], expected);
    // "12 11 10 … 0" names the count among others: a reply must name one.
    return { ...judged(['ambiguous-reply']), evidence: [...evidence, { key: 'reply-numbers', values: { expected, numbers: listed(numbers), total: numbers.length } }] };
  }
  for (const n of numbers) {
    const explained = explainWrongNumber(sizes, n, lineEnding.length);
    if (explained.length > 0) return judged(explained, n);
  }
  return judged(['wrong-count'], numbers.at(-1));
}

/**
 * The numbers a reply or an output offers as counts, each once, in order: those inside an echo
 * of what was sent ("Pesan \"kopi 42\" memiliki 7 karakter") are part of the echo, not counts.
 */
export function countCandidates(text: string, echoed: readonly string[]): number[] {
  let rest = text;
  for (const echo of [...echoed].filter((e) => e.length > 0).sort((a, b) => b.length - a.length)) rest = rest.split(echo).join(' ');
  return [...new Set([...rest.matchAll(/\d+/g)].map((match) => Number(match[0])))];
}

/** The first numbers of a list, for the report (with its total beside): a spray can hold thousands. */
export function listed(numbers: readonly number[], max = 12): string {
  return numbers.slice(0, max).join(', ');
}

interface MessageSizes {
  readonly chars: number;
  readonly bytes: number;
  readonly utf16: number;
  /** The counts of the message without its surrounding spaces, when it has any. */
  readonly stripped?: { readonly chars: number; readonly bytes: number };
}

function sizesOf(message: string): MessageSizes {
  const stripped = message.trim();
  return {
    chars: characterCount(message),
    bytes: Buffer.byteLength(message),
    utf16: message.length,
    stripped: stripped === message ? undefined : { chars: characterCount(stripped), bytes: Buffer.byteLength(stripped) },
  };
}

function explainWrongNumber({ chars, bytes, utf16, stripped }: MessageSizes, n: number, endingLength: number): DiagnosisCode[] {
  if (stripped !== undefined) {
    if (n === stripped.chars) return ['counts-stripped'];
    if (n === stripped.bytes) return ['counts-stripped', 'counts-bytes'];
  }
  const endings = endingLength > 0 ? [0, endingLength] : [0];
  for (const extra of endings) {
    const withEnding: DiagnosisCode[] = extra > 0 ? ['counts-newline'] : [];
    if (bytes !== chars && n === bytes + extra) return ['counts-bytes', ...withEnding];
    if (utf16 !== chars && n === utf16 + extra) return ['counts-utf16', ...withEnding];
    if (extra > 0 && n === chars + extra) return withEnding;
  }
  // A '\r\n' line ending of which only the '\n' was stripped.
  if (endingLength === 2 && n === chars + 1) return ['counts-newline'];
  return [];
}

/**
 * Whether a reply is the answer to only the first pieces of a message: its number is the count
 * (or byte length) of what had been sent before the last piece. Judged from the number and not
 * from timing alone, since on a busy machine a reply sent early may be seen late.
 */
export function answersFirstPieces(got: number | undefined, pieces: readonly Buffer[]): boolean {
  if (got === undefined) return false;
  for (let k = 1; k < pieces.length; k += 1) {
    const prefix = Buffer.concat(pieces.slice(0, k));
    if (got === characterCount(prefix.toString('utf8')) || got === prefix.length) return true;
  }
  return false;
}
