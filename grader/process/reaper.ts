import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The last line of defence for "nothing outlives the grader": a tiny watcher process that
// knows the process groups (and sandbox cgroups) the grader started. If the grader dies in any
// way (even SIGKILL, even between starting a program and its parent-death signal taking hold),
// the watcher's input closes, and it kills every group still on its list, then every process
// left in the cgroups, and removes them.
//
// The list reaches the watcher only on its standard input, never through a file: the programs
// of a plain grade run as the grader's own user, and could write to any file the grader can
// (a line "group <pid>" in a list in /tmp made the watcher kill any process group, a line
// "folder <path>" remove any folder). The input is a socket pair that libuv makes close-on-exec
// and that /proc cannot reopen (ENXIO), so only the grader holds a way in.
//
// Each line is written with writeSync on the socket's descriptor: the write(2) has put it in the
// kernel's buffer before tell() returns, so that a grader killed right after starting a program
// has already told the watcher about it (a stream's write() could leave it queued in the grader).

const watcherScript = `
const fs = require('node:fs');
const groups = new Set();
const cgroups = new Set();
const folders = new Set();
let pending = '';
const verbs = {
  group: (value) => groups.add(value),
  ungroup: (value) => groups.delete(value),
  cgroup: (value) => cgroups.add(value),
  uncgroup: (value) => cgroups.delete(value),
  folder: (value) => folders.add(value),
  unfolder: (value) => folders.delete(value),
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\\n');
  pending = lines.pop();
  for (const line of lines) verbs[line.slice(0, line.indexOf(' '))]?.(line.slice(line.indexOf(' ') + 1));
});
process.stdin.on('error', () => undefined);
process.stdin.on('close', () => {
  for (const folder of folders) { try { fs.rmSync(folder, { recursive: true, force: true }); } catch {} }
  for (const group of groups) { try { process.kill(-Number(group), 'SIGKILL'); } catch {} }
  const deadline = Date.now() + 10000;
  const sweep = () => {
    for (const cgroup of cgroups) {
      try { for (const pid of fs.readFileSync(cgroup + '/cgroup.procs', 'utf8').split('\\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL'); } catch {}
      try { fs.rmdirSync(cgroup); cgroups.delete(cgroup); } catch (error) { if (error.code === 'ENOENT') cgroups.delete(cgroup); }
    }
    if (cgroups.size === 0 || Date.now() > deadline) process.exit(0);
    setTimeout(sweep, 20);
  };
  sweep();
});
`;

interface Watcher {
  readonly child: ChildProcess;
  /** The descriptor of the grader's end of the watcher's input. */
  readonly fd: number;
}

let watcher: Watcher | undefined;
let unavailable = false;

function startWatcher(): Watcher | undefined {
  if (process.platform === 'win32') return undefined;
  // The grader's pid in its command line, for people (and tests) looking for it.
  const child = spawn(process.execPath, ['-e', watcherScript, `lab-grader-${process.pid}-watcher`], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  child.unref();
  // The pipe must not keep the grader alive either.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  // Node keeps the descriptor on the stream's handle (undocumented, but there since Node 0.x on
  // every Unix); without it there is no synchronous way in, and so no watcher.
  const fd = (child.stdin as unknown as { _handle?: { fd?: number } } | null)?._handle?.fd;
  if (typeof fd !== 'number' || fd < 0) {
    child.kill('SIGKILL');
    return undefined;
  }
  return { child, fd };
}

/** Writes all of `line`; the socket is non-blocking, and a full buffer (a watcher slow to read) is waited out. */
function writeAll(fd: number, line: string): void {
  let bytes = Buffer.from(line);
  const deadline = Date.now() + 5_000;
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

function tell(verb: string, value: string): void {
  if (unavailable) return;
  watcher ??= startWatcher();
  if (watcher === undefined) {
    unavailable = true;
    return;
  }
  try {
    writeAll(watcher.fd, `${verb} ${value}\n`);
  } catch {
    // The watcher has gone (EPIPE): the grader's own clean-up is all there is.
    unavailable = true;
  }
}

export function watchGroup(pid: number | undefined): void {
  if (pid !== undefined) tell('group', String(pid));
}

export function unwatchGroup(pid: number | undefined): void {
  if (pid !== undefined) tell('ungroup', String(pid));
}

export function watchCgroups(directories: readonly string[]): void {
  for (const directory of directories) tell('cgroup', directory);
}

export interface TemporaryFolder {
  readonly folder: string;
  remove(): void;
}

/**
 * A new folder of the grader's own in the system's temporary folder, readable by the sandbox's
 * user (nobody) as well and written by the grader only; removed by remove(), or by the watcher
 * if the grader dies first.
 */
export function temporaryFolder(prefix: string): TemporaryFolder {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(folder, 0o755);
  watchFolder(folder);
  return {
    folder,
    remove: () => {
      rmSync(folder, { recursive: true, force: true });
      unwatchFolder(folder);
    },
  };
}

/** A folder of the grader's own, removed by the watcher if the grader dies before it can. */
export function watchFolder(folder: string): void {
  tell('folder', folder);
}

/** The grader removed the folder itself. */
export function unwatchFolder(folder: string): void {
  tell('unfolder', folder);
}

export function unwatchCgroups(directories: readonly string[]): void {
  for (const directory of directories) tell('uncgroup', directory);
}
