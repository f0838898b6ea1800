import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchFolder } from '../process/reaper.ts';

// tsx keeps what it compiled in /tmp/tsx-<uid>. Inside the sandbox /tmp is private to each
// program, so every copy of a TypeScript server would compile it again (about half a second
// each). Instead the copies of one submission share a cache folder of their own: never another
// submission's, never the grader's (which a submission could otherwise poison). It lives in
// /dev/shm, a tmpfs, so that what a program writes there counts against its memory limit: a
// folder on disk would let it fill the disk.

const folders = new Map<string, string>();

/** The cache folder for the programs of one submission, owned by the user they run as. */
export function tsxCacheFor(submission: string, uid: number): string {
  let folder = folders.get(submission);
  if (folder === undefined) {
    folder = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lab-grader-tsx-'));
    if (process.getuid?.() !== uid) chownSync(folder, uid, uid);
    folders.set(submission, folder);
    watchFolder(folder);
  }
  return folder;
}

process.on('exit', () => {
  for (const folder of folders.values()) rmSync(folder, { recursive: true, force: true });
});
