import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { portsListenedBy } from '../net/listening.ts';
import { currentIsolation } from '../process/isolation.ts';
import { sandboxSupport } from '../sandbox/support.ts';
import { listeningPorts, processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';

// Reliability notes, item 21: the grader gets SIGINT (Ctrl-C), SIGTERM or SIGKILL mid-run, and
// within a second no program it started is running and no port they held is bound. Without a
// PID namespace a SIGKILLed grader cannot promise this, so that case needs one; the sandbox
// cases need bubblewrap (CI has it).

const fixture = path.join(repoRoot, 'grader/test/fixtures/hostile/interrupted-mid-grade');
const servers = () => processesMentioning([`${fixture}/server.js`]);

const cases = [
  { mode: 'plain', signal: 'SIGINT', status: 130 },
  { mode: 'plain', signal: 'SIGTERM', status: 143 },
  { mode: 'plain', signal: 'SIGKILL', status: undefined },
  { mode: 'sandbox', signal: 'SIGINT', status: 130 },
  { mode: 'sandbox', signal: 'SIGTERM', status: 143 },
  { mode: 'sandbox', signal: 'SIGKILL', status: undefined },
] as const;

const runnable = (mode: 'plain' | 'sandbox', signal: string) =>
  mode === 'sandbox' ? sandboxSupport().available : signal !== 'SIGKILL' || currentIsolation() === 'pid-namespace';

// One at a time: each counts the processes of the same fixture.
describe.sequential('an interrupted grade', () => {
  test.each(cases)('$mode grade, $signal: nothing left within a second', async ({ mode, signal, status }) => {
    if (!runnable(mode, signal)) return;
    const args = ['--import', 'tsx', 'grader/cli.ts', fixture, '--quick', ...(mode === 'sandbox' ? ['--sandbox'] : [])];
    const grader = execa(process.execPath, args, { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' } });
    try {
      expect(await waitUntil(() => servers().length >= 2, 30_000)).toBe(true);
      // The ports its servers hold (in the sandbox they live in its private network, which ends with it).
      const held = () => servers().flatMap((server) => portsListenedBy(server.pid));
      if (mode === 'plain') expect(await waitUntil(() => held().length > 0, 10_000)).toBe(true);
      const ports = mode === 'plain' ? [...new Set(held())] : [];
      grader.kill(signal);
      const result = await grader;
      if (status !== undefined) expect(result.exitCode).toBe(status);
      // A process on its way out has lost its command line a moment before its sockets: wait for both.
      const portsStillBound = () => ports.filter((port) => listeningPorts().has(port));
      await waitUntil(() => servers().length === 0 && portsStillBound().length === 0, 1_000);
      expect(servers()).toEqual([]);
      expect(portsStillBound()).toEqual([]);
    } finally {
      grader.kill('SIGKILL');
    }
  });
});

// With --sandbox the grader starts itself again inside a private network, behind wrappers that
// ignore the signals: a SIGTERM that came before the grader inside had its handlers was lost,
// and the outer one killed it after 3 s (exit 137). Passed on until it ends, the signal reaches
// it either way: through its handler (which ends its programs and says so) or, before it has
// one and so before it has started anything, by its default action.
test.runIf(sandboxSupport().available)('--sandbox, SIGTERM before the grader inside is ready: it still ends of it (exit 143), nothing left', { timeout: 60_000 }, async () => {
  // Only the SIGTERM is sent: execa's own SIGKILL 5 s later (on a loaded machine) would hide how it ended.
  const grader = execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', fixture, '--sandbox', '--quick', '--lang', 'en'], { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' }, forceKillAfterDelay: false });
  try {
    // As soon as this grader's grader inside starts (named by its full path; the outer one by
    // grader/cli.ts), before it has loaded anything; another test's would not do.
    const inner = () => processesMentioning([path.join(repoRoot, 'grader/cli.ts')]).filter((found) => grader.pid !== undefined && descendsFrom(found.pid, grader.pid));
    expect(await waitUntil(() => inner().length > 0, 30_000)).toBe(true);
    grader.kill('SIGTERM');
    const run = await grader;
    expect(run.exitCode, `ended by ${run.signal}`).toBe(143);
    expect(await waitUntil(() => servers().length === 0, 5_000)).toBe(true);
  } finally {
    grader.kill('SIGKILL');
  }
});

/** Whether process `pid` was started, directly or not, by process `ancestor` (through /proc). */
function descendsFrom(pid: number, ancestor: number): boolean {
  for (let at = pid, hops = 0; at > 1 && hops < 64; hops += 1) {
    if (at === ancestor) return true;
    try {
      // The parent is the second field after the command's name, which ends with ') '.
      at = Number(readFileSync(`/proc/${at}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}
