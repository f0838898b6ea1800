import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Part } from '../result.ts';
import { type LanguageFinding, programExtensions, readHead, sourceLanguageOf } from './language.ts';
import { linkTargetInside, refuseOutside } from './link.ts';
import { callsFor, isKitStub, partNamedBy } from './signals.ts';

// Every program in a submission's folder and the folders below it, with the signs of which part
// each one is. Submissions come as handed in: a sub-folder ("Tugas 1/"), a file without an
// extension, the kit's stub next to the student's work.

export interface PartSigns {
  /** The word of the file's own name that says this part. */
  readonly nameWord?: string;
  /** The nearest folder on its way whose name says this part. */
  readonly folder?: { readonly name: string; readonly word: string };
  readonly calls: readonly string[];
  /** How strongly the signs point to this part: its own name most, then its calls, then a folder. */
  readonly score: number;
}

export interface Candidate {
  readonly file: string;
  /** Relative to the submission's folder, "/" between folders. */
  readonly relative: string;
  /** How many folders below the submission's folder it lies. */
  readonly depth: number;
  readonly finding: LanguageFinding;
  /** A copy of the kit's stub, which prints "not implemented yet". */
  readonly stub: boolean;
  readonly signs: Readonly<Record<Part, PartSigns>>;
}

// A few levels, as unpacked archives nest ("NIM_Nama/Tugas 1/server.py"), and a bound on the
// work, as a submission may hold a whole project.
const maxDepth = 3;
const maxEntries = 5_000;
const maxFileBytes = 1024 * 1024;
// Folders that hold installed packages or caches, never the student's programs.
const skippedFolders = new Set(['node_modules', '__pycache__', 'venv', 'site-packages']);

const parts: readonly Part[] = ['server', 'client'];

function signsOf(relative: string, text: string, finding: LanguageFinding, part: Part): PartSigns {
  const nameWord = partNamedBy(path.basename(relative, path.extname(relative)), part);
  // The nearest folder on its way that says the part.
  const folder = relative
    .split('/')
    .slice(0, -1)
    .reverse()
    .map((name) => ({ name, word: partNamedBy(name, part) }))
    .find((named): named is { name: string; word: string } => named.word !== undefined);
  const calls = callsFor(text, finding.language, part);
  return { nameWord, folder, calls, score: (nameWord ? 4 : 0) + (calls.length > 0 ? 2 : 0) + (folder ? 1 : 0) };
}

/** A link out of the folder that could be a program is refused; one that could not is passed by. */
function checkLink(top: string, file: string, name: string): boolean {
  if (linkTargetInside(top, file) !== undefined) return true;
  const couldBeProgram = path.extname(name) !== '' || parts.some((part) => partNamedBy(name, part) !== undefined);
  if (couldBeProgram) refuseOutside(top, file);
  return false;
}

function candidateAt(top: string, file: string, relative: string, depth: number, isLink: boolean): Candidate | undefined {
  const name = path.basename(file);
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext !== '' && !programExtensions.includes(ext)) return undefined;
  if (/\.d\.[mc]?ts$/i.test(name)) return undefined;
  if (isLink && !checkLink(top, file, name)) return undefined;
  let text: string | undefined;
  try {
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > maxFileBytes) return undefined;
    text = readHead(file);
  } catch {
    return undefined;
  }
  const finding = sourceLanguageOf(name, text);
  if (finding === undefined || text === undefined) return undefined;
  const signs = { server: signsOf(relative, text, finding, 'server'), client: signsOf(relative, text, finding, 'client') };
  return { file, relative, depth, finding, stub: isKitStub(text, finding.language), signs };
}

/** The programs under `top`, nearest first, in name order within a folder. */
export function listCandidates(top: string): Candidate[] {
  const found: Candidate[] = [];
  const queue: { folder: string; relative: string; depth: number }[] = [{ folder: top, relative: '', depth: 0 }];
  let entries = 0;
  for (let next = queue.shift(); next !== undefined && entries < maxEntries; next = queue.shift()) {
    let listing;
    try {
      listing = readdirSync(next.folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      continue;
    }
    for (const entry of listing) {
      if (++entries > maxEntries) break;
      // Hidden files and folders (.git, .venv, .vscode) are tools', not the student's programs;
      // a name with control characters is no student's either, and could move the terminal.
      if (entry.name.startsWith('.') || /[\p{C}\p{Zl}\p{Zp}]/u.test(entry.name)) continue;
      const file = path.join(next.folder, entry.name);
      const relative = next.relative === '' ? entry.name : `${next.relative}/${entry.name}`;
      // A linked folder is never entered: it may lead out of the submission, or round in a loop.
      if (entry.isDirectory()) {
        if (next.depth < maxDepth && !skippedFolders.has(entry.name)) queue.push({ folder: file, relative, depth: next.depth + 1 });
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const candidate = candidateAt(top, file, relative, next.depth, entry.isSymbolicLink());
      if (candidate !== undefined) found.push(candidate);
    }
  }
  return found;
}

/** The part the signs point to, if they point to one more than to the other. */
export function leaningOf(candidate: Candidate): Part | undefined {
  const { server, client } = candidate.signs;
  if (server.score > client.score) return 'server';
  if (client.score > server.score) return 'client';
  return undefined;
}
