import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../setup-error.ts';

// A submission is a folder holding server.<ext> and/or client.<ext> (lab contract §4).

export const sourceExtensions = ['ts', 'mts', 'js', 'mjs', 'cjs', 'py'] as const;

export interface Submission {
  readonly folder: string;
  readonly server?: string;
  readonly client?: string;
}

function findPart(folder: string, part: 'server' | 'client'): string | undefined {
  const names = new Set(readdirSync(folder));
  const found = sourceExtensions.map((ext) => `${part}.${ext}`).filter((name) => names.has(name));
  if (found.length > 1) throw new SetupError({ kind: 'several-files', path: folder, files: found.join(', ') });
  if (found[0] === undefined) return undefined;
  const file = path.join(folder, found[0]);
  refuseLinkOutside(folder, file);
  return file;
}

/** What is graded is the submission's own file: a link out of its folder is never followed. */
function refuseLinkOutside(folder: string, file: string): void {
  if (!lstatSync(file).isSymbolicLink()) return;
  let target: string | undefined;
  try {
    target = realpathSync(file);
  } catch {
    // A dangling link points nowhere inside either.
  }
  if (target === undefined || !target.startsWith(`${realpathSync(folder)}${path.sep}`)) {
    throw new SetupError({ kind: 'link-outside', file: path.basename(file), target: readlinkSync(file) });
  }
}

/** Finds the files of the parts to be graded; the others are not looked at. */
export function findSubmission(folder: string, parts: readonly ('server' | 'client')[]): Submission {
  const absolute = path.resolve(folder);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new SetupError({ kind: 'no-such-folder', path: folder });
  }
  const server = parts.includes('server') ? findPart(absolute, 'server') : undefined;
  const client = parts.includes('client') ? findPart(absolute, 'client') : undefined;
  if (parts.length > 0 && !server && !client) throw new SetupError({ kind: 'nothing-to-grade', path: folder });
  return { folder: absolute, server, client };
}
