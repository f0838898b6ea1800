import { chownSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watchFolder } from '../process/reaper.ts';

// tsx keeps what it compiled in /tmp/tsx-<uid>. Inside the sandbox /tmp is private to each
// program, so every copy of a TypeScript server would compile it again (about half a second
// each). Instead the copies of one submission share a cache folder of their own: never another
// submission's, never the grader's (which a submission could otherwise poison). It lives in
// /dev/shm, a tmpfs, so that what a program writes there counts against its memory limit: a
// folder on disk would let it fill the disk.
//
// But files outlive the program that wrote them, and its memory cgroup: a server that writes
// 250 MB there and ends after each client would add 250 MB at every restart. So the grade's
// /dev/shm is a tmpfs of its own (private-network.ts mounts it, and it is gone with the grade)
// of `tsxCachesBytes` for all its caches, and a submission's cache is emptied whenever one of
// its programs ends with more than `tsxCacheKeepBytes` in it (tsx compiles again: a cache that
// cannot be written is no error to it). A grade's tsx caches therefore never hold more than
// 512 MB, and between programs no more than 64 MB each.

export const tsxCachesBytes = 512 * 1024 * 1024;
export const tsxCacheKeepBytes = 64 * 1024 * 1024;

const folders = new Map<string, { folder: string; uid: number }>();

/** The cache folder for the programs of one submission, owned by the user they run as. */
export function tsxCacheFor(submission: string, uid: number): string {
  let cache = folders.get(submission);
  if (cache === undefined) {
    cache = { folder: mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lab-grader-tsx-')), uid };
    if (process.getuid?.() !== uid) chownSync(cache.folder, uid, uid);
    folders.set(submission, cache);
    watchFolder(cache.folder);
  }
  return cache.folder;
}

/** The bytes of the files under a folder (links and other oddities count for nothing). */
function bytesUnder(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      total += lstatSync(path.join(entry.parentPath, entry.name)).size;
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** Once a program of the submission has ended: its cache emptied where it holds more than it may keep. */
export function trimTsxCache(submission: string): void {
  const cache = folders.get(submission);
  if (cache === undefined || !existsSync(cache.folder) || bytesUnder(cache.folder) <= tsxCacheKeepBytes) return;
  for (const name of readdirSync(cache.folder)) rmSync(path.join(cache.folder, name), { recursive: true, force: true });
}

process.on('exit', () => {
  for (const { folder } of folders.values()) rmSync(folder, { recursive: true, force: true });
});
