import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';

// Which language a submission's program is in, and so how it is run (lab contract §4). The
// extension decides; a file without one (students hand in `Server`) is judged by its #! line,
// or else by signs in its text that no program of the other language would show.

export type SourceLanguage = 'typescript' | 'node' | 'python';

/** How the language was told: `extension` needs no reason in the report, the others do. */
export type LanguageSource = 'extension' | 'shebang' | 'content';

export interface LanguageFinding {
  readonly language: SourceLanguage;
  readonly from: LanguageSource;
}

const byExtension: Readonly<Record<string, SourceLanguage>> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'node',
  mjs: 'node',
  cjs: 'node',
  py: 'python',
};

export const programExtensions: readonly string[] = Object.keys(byExtension);

// Enough of a file to see its #! line and its imports; a program is judged by its first 64 KiB.
const headBytes = 64 * 1024;

/** The first 64 KiB of a file as text, or undefined for a binary (it holds a NUL byte). */
export function readHead(file: string): string | undefined {
  const buffer = Buffer.alloc(headBytes);
  const fd = openSync(file, 'r');
  try {
    const length = readSync(fd, buffer, 0, headBytes, 0);
    const head = buffer.subarray(0, length);
    return head.includes(0) ? undefined : head.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function fromShebang(firstLine: string): SourceLanguage | undefined {
  if (!firstLine.startsWith('#!')) return undefined;
  if (/\bpython[\d.]*\b/.test(firstLine)) return 'python';
  if (/\b(tsx|ts-node)\b/.test(firstLine)) return 'typescript';
  if (/\bnode(js)?\b/.test(firstLine)) return 'node';
  return undefined;
}

// Signs that only one of the two languages shows; a program is judged by how many kinds it has.
const pythonSigns = [
  /^\s*import\s+\w+(\s*,\s*\w+)*\s*$/m,
  /^\s*from\s+[\w.]+\s+import\s/m,
  /^\s*def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$/m,
  /^\s*(while|if|elif|for|with|try|except|else)\b[^{;]*:\s*$/m,
  /^\s*if\s+__name__\s*==/m,
  /^\s*print\s*\(/m,
  /\binput\s*\(/,
];
const javascriptSigns = [
  /\brequire\s*\(\s*['"]/,
  /^\s*import\s[^\n]*\sfrom\s+['"]/m,
  /^\s*import\s+['"]/m,
  /^\s*(const|let|var)\s+[\w{[]/m,
  /=>/,
  /\bconsole\.\w+\s*\(/,
  /^\s*(async\s+)?function\b/m,
];

function fromContent(text: string): SourceLanguage | undefined {
  const python = pythonSigns.filter((sign) => sign.test(text)).length;
  const javascript = javascriptSigns.filter((sign) => sign.test(text)).length;
  // Two kinds of sign at least, and more than the other language shows: never a guess.
  if (python >= 2 && python > javascript * 2) return 'python';
  if (javascript >= 2 && javascript > python * 2) return 'node';
  return undefined;
}

/**
 * The language of a program from its name and the start of its text (`head`, undefined for a
 * binary). Undefined when it is not a program the grader can run: an unknown extension, or no
 * extension and nothing that tells.
 */
export function sourceLanguageOf(file: string, head: string | undefined): LanguageFinding | undefined {
  const ext = path.extname(file).slice(1).toLowerCase();
  const language = byExtension[ext];
  if (language !== undefined) return { language, from: 'extension' };
  if (ext !== '' || head === undefined) return undefined;
  const shebang = fromShebang(head.split('\n', 1)[0] ?? '');
  if (shebang !== undefined) return { language: shebang, from: 'shebang' };
  // A #! line for anything else (a shell script) is not a program of ours.
  if (head.startsWith('#!')) return undefined;
  const content = fromContent(head);
  return content === undefined ? undefined : { language: content, from: 'content' };
}

/** The same for a file on disk, read only when its extension does not tell. */
export function languageOfFile(file: string): LanguageFinding | undefined {
  const known = sourceLanguageOf(file, undefined);
  return known ?? sourceLanguageOf(file, readHead(file));
}
