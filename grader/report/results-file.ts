import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The results file is written once every program has ended, and by renaming a finished file
// into place: whatever a submission put at that path while it ran (a forged result, a link to
// some other file) is replaced, never written through.

export function writeResultsFile(file: string, contents: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    writeFileSync(partial, contents, { flag: 'wx' });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}
