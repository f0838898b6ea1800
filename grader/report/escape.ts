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

/**
 * A name from the submission or the machine (a folder, a file, where a link leads, a process),
 * for a line of the report: as it is when it is plain, otherwise quoted and escaped like what a
 * program sends. A name with a quote, or with a space at either end, is quoted too, so that a
 * name between quotes is always the escaped form ("a\x1b" holds an ESC, a\x1b a backslash).
 */
export function escapeName(name: string, maxChars = 200): string {
  return unsafe.test(name) || name.includes('"') || /^\s|\s$/u.test(name) ? escapeText(name, maxChars) : name;
}

/** A record's strings (and lists of strings) escaped, for a message that embeds them. */
export function escapeFields<T extends object>(record: T, escape: (text: string) => string = escapeName): T {
  const shown = (value: unknown) => (typeof value === 'string' ? escape(value) : value);
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, Array.isArray(value) ? value.map(shown) : shown(value)])) as T;
}

/** Text as HTML or SVG character data or an attribute value: none of it can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
