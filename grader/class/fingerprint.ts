import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { submissionFiles } from './content-hash.ts';

// Which submissions look alike: flagged for a person to look at, never graded down. A program
// is reduced to the shape of its code (comments and whitespace gone, every string "S", every
// number "N", every name "I", keywords and punctuation kept), so renaming variables, rewording
// strings and reformatting change nothing. Its fingerprint is the set of hashes of every run of
// `shingle` tokens (the k-grams of Schleimer, Wilkerson and Aiken's winnowing, kept whole: a
// class's programs are small); the runs of the kit's own stubs are taken out, since every
// student starts from them. Two fingerprints compare by Jaccard similarity, |A∩B| / |A∪B|.

const shingle = 6;
const sourceFile = /\.(py|ts|mts|cts|js|mjs|cjs)$/i;
const keywords = new Set(
  (
    'and as assert async await break case catch class const continue def del elif else except export false finally for from function ' +
    'global if import in is lambda let new none nonlocal not null of or pass raise return self switch this throw true try typeof ' +
    'undefined var void while with yield'
  ).split(' '),
);

/** The program's code as tokens of its shape. */
export function shapeTokens(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^\s*#.*$/gm, ' ')
    .replace(/\s#.*$/gm, ' ');
  const tokens: string[] = [];
  for (const [token] of code.matchAll(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`|\d[\w.]*|[A-Za-z_$][\w$]*|[^\s\w]/g)) {
    if (/^["'`]/.test(token)) tokens.push('S');
    else if (/^\d/.test(token)) tokens.push('N');
    else if (/^[A-Za-z_$]/.test(token)) tokens.push(keywords.has(token.toLowerCase()) ? token.toLowerCase() : 'I');
    else tokens.push(token);
  }
  return tokens;
}

function shingles(tokens: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  for (let i = 0; i + shingle <= tokens.length; i += 1) {
    hashes.add(createHash('sha1').update(tokens.slice(i, i + shingle).join(' ')).digest().readUInt32BE(0));
  }
  return hashes;
}

/** The source files of a folder (any depth), as one fingerprint. */
export function fingerprintOfFolder(folder: string, template: ReadonlySet<number> = new Set()): number[] {
  const sources = submissionFiles(folder).filter((name) => sourceFile.test(name)).map((name) => path.join(folder, name));
  return [...fingerprintOfFiles(sources)].filter((hash) => !template.has(hash)).sort((a, b) => a - b);
}

export function fingerprintOfFiles(files: readonly string[]): Set<number> {
  const hashes = new Set<number>();
  for (const file of files) for (const hash of shingles(shapeTokens(readFileSync(file, 'utf8')))) hashes.add(hash);
  return hashes;
}

export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inA = new Set(a);
  const shared = b.filter((hash) => inA.has(hash)).length;
  return shared / (a.length + b.length - shared);
}
