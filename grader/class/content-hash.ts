import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// What a submission is, for resuming a class: the same files with the same bytes give the same
// hash, wherever and whenever they were unpacked. A repository's history and installed packages
// are not the submission.
const skipped = new Set(['.git', 'node_modules', '__pycache__']);

/** The submission's files, at any depth, as paths relative to `folder` (POSIX separators), sorted. */
export function submissionFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (at: string, relative: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = path.posix.join(relative, entry.name);
      if (entry.isDirectory() && !skipped.has(entry.name)) walk(path.join(at, entry.name), name);
      else if (entry.isFile()) files.push(name);
    }
  };
  walk(folder, '');
  return files;
}

/** Each file's name and bytes, in the order given. */
function hashOf(files: readonly { readonly path: string; readonly name: string }[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.name}\0`).update(readFileSync(file.path)).update('\0');
  return hash.digest('hex');
}

export function contentHash(file: string): string {
  if (file.toLowerCase().endsWith('.zip')) return createHash('sha256').update(readFileSync(file)).digest('hex');
  return hashOf(submissionFiles(file).map((name) => ({ name, path: path.join(file, name) })));
}

/** Loose files (Moodle without folders), by the names they were handed in under. */
export function contentHashOfFiles(files: readonly { readonly path: string; readonly name: string }[]): string {
  return hashOf([...files].sort((a, b) => (a.name < b.name ? -1 : 1)));
}
