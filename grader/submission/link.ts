import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
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

/** What is graded is the submission's own file: a link out of its folder is never followed. */
export function refuseLinkOutside(folder: string, file: string): void {
  if (!lstatSync(file).isSymbolicLink()) return;
  if (linkTargetInside(folder, file) === undefined) {
    throw new SetupError({ kind: 'link-outside', file: path.basename(file), target: readlinkSync(file) });
  }
}
