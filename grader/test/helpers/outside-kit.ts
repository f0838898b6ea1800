import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Submissions as an instructor receives them: a bare folder outside the kit, with no
// package.json of the kit's above it (the kit's says "type": "module").

/** The nearest package.json above `folder` (not in it), or undefined. */
export function packageJsonAbove(folder: string): string | undefined {
  for (let at = path.dirname(path.resolve(folder)); ; at = path.dirname(at)) {
    const file = path.join(at, 'package.json');
    if (existsSync(file)) return file;
    if (path.dirname(at) === at) return undefined;
  }
}

/** A fresh folder in the system's temporary folder, open to all (--sandbox runs programs as nobody). */
export function scratchOutsideKit(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(folder, 0o755);
  return folder;
}
