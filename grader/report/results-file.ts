import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The results file is written once every program has ended, and by renaming a finished file
// into place: whatever a submission put at that path while it ran (a forged result, a link to
// some other file) is replaced, never written through.
//
// The finished file is written in a fresh folder of the grader's own beside it, made by
// mkdtemp: its name is random, and mkdtemp tries another if something is already there, so a
// program that put files, folders or links at the names it could guess (the grader's pid is
// no secret) cannot keep the results from being written. The folder is on the same file system
// as the results file, so the rename is atomic.
//
// A device named as the file (--json /dev/null, /dev/stdout) is written into: renamed over, it
// would be replaced by a plain file, and a grader run as root would take /dev/null away from
// the whole machine. Only root makes files in /dev, so no submission chose what is there.

export function writeResultsFile(file: string, contents: string): void {
  if (path.resolve(file).startsWith('/dev/')) {
    writeFileSync(file, contents);
    return;
  }
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true });
  const partial = mkdtempSync(path.join(folder, `.${path.basename(file)}.partial-`));
  try {
    const finished = path.join(partial, 'results');
    writeFileSync(finished, contents, { flag: 'wx' });
    renameSync(finished, file);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
