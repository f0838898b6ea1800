import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { processesMentioning, waitUntil } from '../helpers/processes.ts';

// The watcher (process/reaper.ts) kills what the grader started and removes the grader's own
// folders if the grader dies. It runs as the same user as a plain (no --sandbox) grade's
// programs, so what it acts on must come from the grader alone: a program that tells it to kill
// another process or to remove another folder must change nothing.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-reaper-'));
const bystanders: ChildProcess[] = [];
afterAll(() => {
  for (const bystander of bystanders) bystander.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** Running, not merely a zombie that this test has not reaped yet. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A Python server that, before it fails, asks every watcher it can reach to kill `pid` and remove `folder`. */
function forgingServer(pid: number, folder: string): string {
  const orders = `group ${pid}\\nfolder ${folder}\\n`;
  return `import glob, os, sys
orders = "${orders}"
# The watcher's list as a file in the temporary folder (where the grader kept it).
for watch in glob.glob("/tmp/lab-grader-*.watch") + glob.glob(os.path.join(os.environ.get("TMPDIR", "/tmp"), "lab-grader-*.watch")):
    try:
        with open(watch, "a") as list_file:
            list_file.write(orders)
    except OSError:
        pass
# The watcher's own input, through /proc (a pipe could be opened there; a socket cannot).
for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
    try:
        with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
            if b"lab-grader" not in cmdline.read():
                continue
        with open(f"/proc/{entry}/fd/0", "a") as watcher_input:
            watcher_input.write(orders)
    except OSError:
        pass
print("not implemented yet")
sys.exit(1)
`;
}

describe('the watcher of a plain grade', () => {
  test('a submission that writes orders to the watcher\'s list and input cannot make it kill another process or remove another folder', async () => {
    // Another process, in a process group of its own, and another folder: not the grader's.
    const bystander = spawn('sleep', ['120'], { detached: true, stdio: 'ignore' });
    bystanders.push(bystander);
    const pid = bystander.pid ?? 0;
    const folder = path.join(scratch, 'someone-elses');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'keep.txt'), 'keep\n');
    const submission = path.join(scratch, 'submission');
    mkdirSync(submission);
    writeFileSync(path.join(submission, 'server.py'), forgingServer(pid, folder));

    const grader = runCli([submission, '--quick', '--lang', 'en']);
    const graderPid = grader.pid;
    const run = await grader;
    expect(run.exitCode, String(run.stderr)).toBe(1);
    // The watcher acts once the grader has gone, then exits: wait for it to be done.
    const watchers = () => processesMentioning([`lab-grader-${graderPid}-`]);
    expect(await waitUntil(() => watchers().length === 0, 10_000)).toBe(true);

    expect(isRunning(pid)).toBe(true);
    expect(existsSync(path.join(folder, 'keep.txt'))).toBe(true);
  });
});
