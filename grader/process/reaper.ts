import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The last line of defence for "nothing outlives the grader": a tiny watcher process that
// knows the process groups (and sandbox cgroups) the grader started. If the grader dies in any
// way (even SIGKILL, even between starting a program and its parent-death signal taking hold),
// the watcher's input pipe closes, and it kills every group still on the list, then every
// process left in the cgroups, and removes them. The list is a file written synchronously, so
// that a grader killed right after starting a program has already told the watcher about it.

const watcherScript = `
const fs = require('node:fs');
const list = process.argv[1];
process.stdin.resume();
process.stdin.on('end', () => {
  const groups = new Set();
  const cgroups = new Set();
  const folders = new Set();
  let lines = [];
  try { lines = fs.readFileSync(list, 'utf8').split('\\n'); } catch {}
  for (const line of lines) {
    const [verb, value] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
    ({ group: () => groups.add(value), ungroup: () => groups.delete(value), cgroup: () => cgroups.add(value), uncgroup: () => cgroups.delete(value), folder: () => folders.add(value) })[verb]?.();
  }
  for (const folder of folders) { try { fs.rmSync(folder, { recursive: true, force: true }); } catch {} }
  for (const group of groups) { try { process.kill(-Number(group), 'SIGKILL'); } catch {} }
  const deadline = Date.now() + 10000;
  const sweep = () => {
    for (const cgroup of cgroups) {
      try { for (const pid of fs.readFileSync(cgroup + '/cgroup.procs', 'utf8').split('\\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL'); } catch {}
      try { fs.rmdirSync(cgroup); cgroups.delete(cgroup); } catch (error) { if (error.code === 'ENOENT') cgroups.delete(cgroup); }
    }
    if (cgroups.size === 0 || Date.now() > deadline) {
      try { fs.unlinkSync(list); } catch {}
      process.exit(0);
    }
    setTimeout(sweep, 20);
  };
  sweep();
});
`;

let watcher: { readonly child: ChildProcess; readonly list: string } | undefined;

function startWatcher(): typeof watcher {
  if (process.platform === 'win32') return undefined;
  const list = path.join(tmpdir(), `lab-grader-${process.pid}-${Math.random().toString(36).slice(2)}.watch`);
  writeFileSync(list, '', { flag: 'wx', mode: 0o600 });
  const child = spawn(process.execPath, ['-e', watcherScript, list], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  child.unref();
  // The pipe must not keep the grader alive either.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return { child, list };
}

function tell(verb: string, value: string): void {
  watcher ??= startWatcher();
  if (watcher) appendFileSync(watcher.list, `${verb} ${value}\n`);
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

/** A folder of the grader's own, removed by the watcher if the grader dies before it can. */
export function watchFolder(folder: string): void {
  tell('folder', folder);
}

export function unwatchCgroups(directories: readonly string[]): void {
  for (const directory of directories) tell('uncgroup', directory);
}
