// Whatever a submission sends or prints is shown as quoted, escaped text: control characters,
// terminal escape sequences, bidirectional overrides and bytes that are not UTF-8 can neither
// move the cursor nor hide what is really there ("FAIL\rPASS" shows as "FAIL\rPASS").

const unsafe = /[\p{C}\p{Zl}\p{Zp}]/u;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0', '\\': '\\\\', '"': '\\"' };

function escapeCodePoint(char: string): string {
  const name = named[char];
  if (name) return name;
  if (!unsafe.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Decodes UTF-8 where it is valid and shows every other byte as \xNN. */
function* utf8Pieces(bytes: Uint8Array): Generator<string> {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    const piece = bytes.subarray(i, i + length);
    const decoded = length > 0 && piece.length === length ? decodeStrict(piece) : undefined;
    if (decoded === undefined) {
      yield `\\x${lead.toString(16).padStart(2, '0')}`;
      i += 1;
    } else {
      yield escapeCodePoint(decoded);
      i += length;
    }
  }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

function decodeStrict(piece: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(piece);
  } catch {
    return undefined;
  }
}

function quote(pieces: Iterable<string>, maxChars: number): string {
  let out = '';
  let count = 0;
  for (const piece of pieces) {
    if (count >= maxChars) return `"${out}…"`;
    out += piece;
    count += 1;
  }
  return `"${out}"`;
}

export function escapeBytes(bytes: Uint8Array, maxChars = 100): string {
  return quote(utf8Pieces(bytes), maxChars);
}

export function escapeText(text: string, maxChars = 200): string {
  return quote(Array.from(text, escapeCodePoint), maxChars);
}

/** A line a program printed, for display under the report's bar: unsafe characters escaped, no quotes. */
export function escapeLine(text: string, maxChars = 300): string {
  const pieces = Array.from(text, (char) => (unsafe.test(char) ? escapeCodePoint(char) : char));
  return pieces.length > maxChars ? `${pieces.slice(0, maxChars).join('')}…` : pieces.join('');
}
