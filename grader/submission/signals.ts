import type { Part } from '../result.ts';
import type { SourceLanguage } from './language.ts';
import { stubMarker } from './stub.ts';

// What a file's name and text say about which part it is: the signs the discovery weighs
// (issue 8). Students name their programs in English or Indonesian, in any case.

// Long words count anywhere in a name (serverno1, tugas1_klien); the short ones only where a
// word starts, so that "observer" or "decline" say nothing.
const words: Record<Part, { readonly anywhere: readonly string[]; readonly wordStart: readonly string[] }> = {
  server: { anywhere: ['server', 'peladen'], wordStart: ['serv', 'srv'] },
  client: { anywhere: ['client', 'klien'], wordStart: ['cli'] },
};

/** The word in `name` that says `part`, such as "server" in "Server_socket". */
function wordFor(name: string, part: Part): string | undefined {
  const lower = name.toLowerCase();
  const anywhere = words[part].anywhere.find((word) => lower.includes(word));
  if (anywhere !== undefined) return anywhere;
  // A word starts at the beginning, after a non-letter, or at a capital after a small letter.
  return words[part].wordStart.find((word) =>
    [...lower.matchAll(new RegExp(word, 'g'))].some(({ index }) => index === 0 || !/[a-z]/.test(lower[index - 1] ?? '') || /[a-z][A-Z]/.test(name.slice(index - 1, index + 1))),
  );
}

/** The word for the part, when the name says that part and not the other one as well. */
export function partNamedBy(name: string, part: Part): string | undefined {
  const other: Part = part === 'server' ? 'client' : 'server';
  const word = wordFor(name, part);
  return word !== undefined && wordFor(name, other) === undefined ? word : undefined;
}

// What a server and a client call, by language. Python's .bind is the socket's; JavaScript's
// .bind is a function's, so it says nothing there.
const calls: Record<'python' | 'javascript', Record<Part, readonly (readonly [string, RegExp])[]>> = {
  python: {
    server: [
      ['bind', /\.bind\s*\(/],
      ['listen', /\.listen\s*\(/],
      ['accept', /\.accept\s*\(/],
      ['create_server', /\bcreate_server\s*\(/],
      ['start_server', /\bstart_server\s*\(/],
      ['serve_forever', /\.serve_forever\s*\(/],
    ],
    client: [
      ['connect', /\.connect\s*\(/],
      ['create_connection', /\bcreate_connection\s*\(/],
      ['open_connection', /\bopen_connection\s*\(/],
    ],
  },
  javascript: {
    server: [
      ['createServer', /\bcreateServer\s*\(/],
      ['listen', /\.listen\s*\(/],
    ],
    client: [
      ['net.connect', /\bnet\.connect\s*\(/],
      ['createConnection', /\bcreateConnection\s*\(/],
      ['connect', /(?<!\bnet)\.connect\s*\(/],
    ],
  },
};

/** The text without whole-line comments: the kit's stubs describe the calls in their comments. */
function withoutComments(text: string, language: SourceLanguage): string {
  if (language === 'python') return text.replace(/^\s*#.*$/gm, '');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The calls of a server (or a client) that the text makes, in the order of the list above. */
export function callsFor(text: string, language: SourceLanguage, part: Part): string[] {
  const code = withoutComments(text, language);
  return calls[language === 'python' ? 'python' : 'javascript'][part].filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
}

/**
 * A copy of the kit's stub: it prints "not implemented yet" and calls nothing yet. A student's
 * program that still has the stub's last lines below its own socket code is no stub.
 */
export function isKitStub(text: string, language: SourceLanguage): boolean {
  return stubMarker.test(text) && callsFor(text, language, 'server').length === 0 && callsFor(text, language, 'client').length === 0;
}
