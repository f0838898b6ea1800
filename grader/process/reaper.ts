import { spawn, type ChildProcess } from 'node:child_process';

// The last line of defence for "nothing outlives the grader": a tiny watcher process that holds
// the list of process groups the grader started. If the grader dies in any way (even SIGKILL,
// even between starting a program and its parent-death signal taking hold), the watcher's input
// closes and it kills every group still on the list.

const watcherScript = `
const groups = new Set();
let rest = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    if (line.startsWith('-')) groups.delete(line.slice(1));
    else if (line) groups.add(line);
  }
});
process.stdin.on('end', () => {
  for (const group of groups) { try { process.kill(-Number(group), 'SIGKILL'); } catch {} }
  process.exit(0);
});
`;

let watcher: ChildProcess | undefined;

function startWatcher(): ChildProcess | undefined {
  if (process.platform === 'win32') return undefined;
  const child = spawn(process.execPath, ['-e', watcherScript], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  child.unref();
  // The pipe must not keep the grader alive either.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
}

export function watchGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  watcher ??= startWatcher();
  watcher?.stdin?.write(`${pid}\n`);
}

export function unwatchGroup(pid: number | undefined): void {
  if (pid !== undefined) watcher?.stdin?.write(`-${pid}\n`);
}
