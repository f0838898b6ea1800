import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../setup-error.ts';

/** Whether `file` is `folder` or lies below it (both already resolved the same way). */
export function isInside(folder: string, file: string): boolean {
  return file === folder || file.startsWith(`${folder}${path.sep}`);
}

/** Where a link leads, inside `folder`, or undefined when it leads out of it or nowhere. */
export function linkTargetInside(folder: string, file: string): string | undefined {
  try {
    const target = realpathSync(file);
    return isInside(realpathSync(folder), target) ? target : undefined;
  } catch {
    // A dangling link points nowhere inside either.
    return undefined;
  }
}

/**
 * What is graded is the submission's own program: a regular file that, every link on its way
 * resolved, lies inside the submission's folder. Not a link out of it, nor a path through a
 * linked folder that leads out (sub/server.py where sub is a link to the kit's solutions), nor a
 * folder: Python runs a folder's __main__.py, which may itself lead anywhere.
 */
export function refuseOutside(folder: string, file: string): void {
  const name = path.basename(file);
  const real = linkTargetInside(folder, file);
  if (real === undefined) {
    const target = lstatSync(file).isSymbolicLink() ? readlinkSync(file) : realTarget(file);
    throw new SetupError({ kind: 'link-outside', file: name, target });
  }
  if (!statSync(real).isFile()) throw new SetupError({ kind: 'not-a-file', file: name });
}

/** Where a path through a linked folder really leads, for the message. */
function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
