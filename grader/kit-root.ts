import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The kit's folder, and the grader's own files in it that are not modules (the door of the
// programs' networks, the TypeScript format hooks, package.json). Found by looking upwards from
// this module for grader/cli.ts, not by a fixed number of `..`: the grader also runs bundled
// into one file (grader/launch.mjs), which lives elsewhere than its sources.

function findKitRoot(from: string): string {
  for (let at = from; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'grader', 'cli.ts'))) return at;
    if (path.dirname(at) === at) throw new Error(`the kit's folder (with grader/cli.ts) was not found above ${from}`);
  }
}

export const kitRoot = findKitRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file of the kit, by its path from the kit's folder. */
export const kitFile = (...parts: string[]): string => path.join(kitRoot, ...parts);
