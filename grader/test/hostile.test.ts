import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { currentIsolation } from '../process/isolation.ts';
import type { GradeResult } from '../result.ts';
import { codesOf, gradeFolder, runCli } from './helpers/grade-fixture.ts';
import { listeningPorts, processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';
import { stderrBesidesProgress } from './helpers/progress-lines.ts';

// Submissions that attack the grader rather than get the lab wrong (the list "Hostile
// submissions a trustworthy grader survives" in the reliability notes; the sandbox-mode ones are
// elsewhere). For each: what the user sees (verdict and diagnosis codes), that the grade returns,
// and that nothing is left behind: no process running from the fixture's folder, and the port
// of the grade no longer listening.

const namespaced = currentIsolation() === 'pid-namespace';
const hostile = (name: string) => path.join(repoRoot, 'grader/test/fixtures/hostile', name);
const megabytes = (bytes: number) => Math.round(bytes / 1_000_000);
// The grade runs in this process: what a flood could make it keep would show in its peak
// resident memory (of this whole test file's run, so a bound on every grade in it).
const rssLimitBytes = 600_000_000;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const scratch = mkdtempSync(path.join(os.tmpdir(), 'lab-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function expectNothingLeft(folder: string, port?: number): Promise<void> {
  const leftovers = () => processesMentioning([folder]);
  await waitUntil(() => leftovers().length === 0, 1_000);
  expect(leftovers()).toEqual([]);
  if (port !== undefined) expect(listeningPorts().has(port)).toBe(false);
}

/** A quick in-process grade, timed, then the check that it left nothing behind. */
async function gradeHostile(name: string): Promise<{ result: GradeResult; ms: number }> {
  const folder = hostile(name);
  const startedAt = performance.now();
  const result = await gradeFolder(folder);
  const ms = performance.now() - startedAt;
  expect(result.checks.filter((check) => check.error)).toEqual([]);
  await expectNothingLeft(folder, result.analysis.port);
  return { result, ms };
}

function diagnosesOf(result: GradeResult, id: string): readonly string[] | undefined {
  return result.checks.find((check) => check.id === id)?.diagnoses;
}

function jsonCodes(file: string): string[] {
  const results = JSON.parse(readFileSync(file, 'utf8')) as { checks: { diagnoses: string[] }[] };
  return [...new Set(results.checks.flatMap((check) => check.diagnoses))].sort();
}

describe.concurrent('a hostile submission is graded, and leaves nothing behind', () => {
  // The longest first (the grade's own deadlines, mostly waiting), so that the rest run alongside.
  // 9. Loopback buffers take the whole 64 KiB message, so the writes complete; the reply
  // deadline is what ends each exchange.
  test('a server that never reads: every exchange ends at its deadline with no-reply', { timeout: 150_000 }, async () => {
    const { result, ms } = await gradeHostile('never-reads');
    expect(codesOf(result)).toEqual(['no-reply']);
    expect(result.passed).toBe(false);
    expect(ms).toBeLessThan(120_000);
  });

  // 7. Digits one a second, then 10 s before the newline: every exchange is cut at its deadline.
  // Which digits arrive in time depends on the count and on timing (a one-digit count arrives
  // whole: reply-without-newline; the idle copy learns late that the grader has gone), so
  // the codes are checked against what a slow reply can cause; the 64 KiB message's 5-digit
  // count can never arrive whole.
  test('a server that replies one byte a second: cut at each deadline, the grade goes on and fails', { timeout: 150_000 }, async () => {
    const { result, ms } = await gradeHostile('replies-one-byte-a-second');
    expect(result.passed).toBe(false);
    expect(diagnosesOf(result, 'large-message')).toEqual(['wrong-count']);
    expect(codesOf(result)).toContain('wrong-count');
    const slowReplyCodes = ['wrong-count', 'reply-without-newline', 'waits-for-eof', 'no-reply', 'wrong-idle-timeout', 'no-idle-timeout', 'no-close'];
    expect(slowReplyCodes).toEqual(expect.arrayContaining(codesOf(result)));
    expect(ms).toBeLessThan(120_000);
  });

  // 8, for clients: 1 GB in one message to the grader's scripted server, which keeps 64 KiB.
  // The message is not the typed line (client-wrong-message); this client also has no timeout
  // and exits 0 when refused, and its floods outlast the scenarios' deadlines.
  test('a client that floods the grader\'s server with 1 GB: cut off, the grade returns, memory bounded', async () => {
    const { result } = await gradeHostile('client-floods-1gb');
    // Cut off past 64 KiB, it never gets a reply: its own faults (no timeout, exits 0 when refused) show too.
    expect(codesOf(result)).toEqual(expect.arrayContaining(['client-unhandled-refused', 'client-wrong-message']));
    expect(diagnosesOf(result, 'client-sends-line')).toEqual(['client-wrong-message']);
    expect(megabytes(peakRss())).toBeLessThan(megabytes(rssLimitBytes));
  });

  // 4. The log line and a UDP socket on the port say "listening"; only TCP counts.
  // (A server that prints the line and binds nothing at all: servers/not-listening.)
  test('"Listening on ..." printed over a UDP socket is not-listening', async () => {
    const { result } = await gradeHostile('listening-line-udp-only');
    expect(codesOf(result)).toEqual(['not-listening']);
    expect(result.passed).toBe(false);
  });

  // 2. Under tsx, a SIGTERM reaches a node process that ignores it.
  test('a TypeScript server that ignores SIGTERM passes and is gone after the grade', async () => {
    const { result } = await gradeHostile('ignores-sigterm');
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  // 5. ::1 is servers/listens-on-localhost-ipv6, 127.0.0.1 is servers/correct-js.
  test.each(['binds-any-ipv4', 'binds-any-ipv6'])('a server bound to every address (%s) is reached and passes', async (name) => {
    const { result } = await gradeHostile(name);
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  // 6. Its hard-coded port is held by another program (here: this test).
  // One test, not two: the tests of this file run at once, and both hold the same port.
  test("a server whose hard-coded port is taken is graded in networks of its own, naming the program on the port; in the machine's network: crashed at once, and with --port one line and exit status 2", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve, reject) => blocker.once('error', reject).listen(12361, '127.0.0.1', resolve));
    try {
      const folder = hostile('port-already-taken');
      const own = await gradeFolder(folder);
      expect(codesOf(own)).toEqual(['ignores-port-env']);
      expect(own.network.notes).toEqual([{ kind: 'taken-on-machine', port: 12361, owner: `node (pid ${process.pid})` }]);
      await expectNothingLeft(folder);

      let startedAt = performance.now();
      const result = await gradeFolder(folder, { ownNetworks: false });
      expect(performance.now() - startedAt).toBeLessThan(5_000);
      expect(codesOf(result)).toEqual(['crashed']);
      const start = result.checks.find((check) => check.id === 'starts-listening');
      expect(start?.output?.some((line) => line.text.includes('EADDRINUSE'))).toBe(true);
      expect(start?.evidence.map((e) => e.key)).toContain('address-in-use');
      expect(result.checks.filter((check) => check.status === 'skip')).toHaveLength(result.checks.length - 1);

      // As the README says to grade it: --port names the port it hard-codes.
      startedAt = performance.now();
      const cli = await runCli([folder, '--quick', '--lang', 'en', '--port', '12361'], { LAB_GRADER_NETWORK: 'machine' });
      expect(performance.now() - startedAt).toBeLessThan(10_000);
      expect(cli.exitCode).toBe(2);
      expect(cli.stdout).toBe('');
      expect(stderrBesidesProgress(cli.stderr).trim().split('\n')).toEqual([expect.stringContaining(`Port 12361 is in use by another program, node (pid ${process.pid})`)]);
      await expectNothingLeft(folder);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test('a client that opens connections without end cannot run the grader out of file descriptors (ulimit -n 512)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-fds-'));
    try {
      const json = path.join(dir, 'results.json');
      const cli = [process.execPath, '--import', 'tsx', 'grader/cli.ts', hostile('opens-connections-without-end'), '--only', 'client', '--quick', '--lang', 'en', '--json', json];
      // As an instructor's shell with `ulimit -n 512` starts it: soft and hard, so Node cannot raise it.
      const grader = execa('prlimit', ['--nofile=512:512', '--', ...cli], { cwd: repoRoot, reject: false, env: { NO_COLOR: '1' }, timeout: 120_000 });
      // What the grader holds open (prlimit becomes the grader: the same process).
      let peakFds = 0;
      const sampler = setInterval(() => {
        try {
          peakFds = Math.max(peakFds, readdirSync(`/proc/${grader.pid}/fd`).length);
        } catch {
          // Ended.
        }
      }, 25);
      const run = await grader.finally(() => clearInterval(sampler));
      // The client's four processes held 1600 connections; the grader kept no more than a few of them.
      expect(peakFds).toBeGreaterThan(0);
      expect(peakFds).toBeLessThan(256);
      expect(run.exitCode, String(run.stderr)).toBe(1);
      const result = JSON.parse(readFileSync(json, 'utf8')) as GradeResult;
      expect(result.checks.filter((check) => check.error || check.skipReason === 'grader-error')).toEqual([]);
      expect(`${run.stdout}${run.stderr}`).not.toContain('EMFILE');
      expect(diagnosesOf(result, 'client-sends-line')?.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // 8. 1 GB of "7" to every message, no newline: the grader reads 64 KiB and closes.
  test('a server that answers an endless stream is cut off: wrong-count, memory bounded', async () => {
    const { result } = await gradeHostile('replies-endless-stream');
    // The empty message is answered with the stream too: a wrong count, not a crash.
    expect(codesOf(result)).toEqual(['no-close', 'wrong-count']);
    expect(result.passed).toBe(false);
    expect(megabytes(peakRss())).toBeLessThan(megabytes(rssLimitBytes));
  });

  // 10. The output is capped at 1 MB a stream; the timeout line it prints 2 s later, after
  // 1 MB of "x", is past the cap (and glued to the flood, which has no newlines), so the
  // grader cannot see it: no-timeout-message. Its log lines are glued to the flood too, and
  // seen or not depending on where they land (missing-logs, a warning, now and then). Every
  // check on the wire passes.
  test('a server that floods stdout and stderr with 1 GiB each: capped, its timeout message still seen, memory bounded', async () => {
    const { result } = await gradeHostile('floods-stdout-stderr');
    // Its timeout message comes after the flood, past the output cap: it is still seen.
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(megabytes(peakRss())).toBeLessThan(megabytes(rssLimitBytes));
  });

  // 13. The busy helper never returns to its event loop: only SIGKILL (or the namespace) ends it.
  test('a server with a helper spinning the CPU passes, and the helper is gone after the grade', async () => {
    const { result } = await gradeHostile('spins-cpu-in-child');
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  // 16. Fake PASS lines and control sequences, in its replies and in what it prints.
  test('fake PASS lines and terminal control sequences change nothing and are shown escaped', async () => {
    const folder = hostile('fake-pass-and-escapes');
    const json = path.join(scratch, 'fake-pass.json');
    // --verbose: every transcript and all the program printed, each shown escaped.
    const cli = await runCli([folder, '--quick', '--lang', 'en', '--json', json, '--verbose']);
    expect(cli.exitCode).toBe(1);
    // One too many is counts-newline for a "\n"-terminated message, and "1" for the empty one
    // is a wrong count (it answered, and nothing crashed).
    expect(jsonCodes(json)).toEqual(['counts-newline', 'no-timeout-message', 'wrong-count']);
    for (const raw of ['\x1b', '\r', '\u202e', '\b', '\x07']) {
      expect(cli.stdout.includes(raw), JSON.stringify(raw)).toBe(false);
      expect(cli.stderr.includes(raw), JSON.stringify(raw)).toBe(false);
    }
    // The reply, in the transcript; what it printed, under the idle-timeout check. A long line
    // goes on on rows that start with a bar: joined again here.
    const shown = cli.stdout.replace(/\n +│ /g, '');
    expect(shown).toContain(String.raw`\x1b[K\r\u{202e}\n`);
    expect(shown).toContain(String.raw`\x1b[2J\x1b[H\x1b[32m✔ all checks passed\x1b[0m\rPASS`);
    expect(shown).toContain(String.raw`\x08\x08\x08\x08 \u{202e}DESSAP\x1b]52;c;aHVudGVyMg==\x07`);
    expect(shown).toContain(String.raw`\x1b[1A\x1b[2K\rPASS   every required check passed\x1b[8m hidden`);
    expect(cli.stdout).toMatch(/NOT PASSED/);
    await expectNothingLeft(folder);
  });

  // 17. The grader's own environment holds a secret; the server fails if it sees anything extra.
  test('a server that looks for secrets in its environment finds none', async () => {
    const folder = hostile('looks-for-secrets');
    const json = path.join(scratch, 'secrets.json');
    const cli = await runCli([folder, '--quick', '--lang', 'en', '--json', json], { LAB_SECRET_TOKEN: 'hunter2' });
    expect(jsonCodes(json)).toEqual([]);
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).not.toContain('LAB_SECRET_TOKEN');
    await expectNothingLeft(folder);
  });

  // 18. Its node_modules/.bin/tsx, node_modules/tsx and .npmrc would leave a marker if used.
  test('a TypeScript server that ships its own tsx is compiled and run by the kit, never by its own tsx', async () => {
    const marker = '/tmp/lab-hostile-fake-tsx-ran';
    rmSync(marker, { force: true });
    const { result } = await gradeHostile('ships-own-tsx');
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  // 22. Listening 2 s after the start is well within the start deadline.
  test('a server with a 2 s cold start passes', async () => {
    const { result } = await gradeHostile('slow-cold-start');
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.analysis.startupMs ?? 0).toBeGreaterThanOrEqual(2_000);
  });

  // Helpers that leave the process group (1, 3) can only be ended by a PID namespace: these
  // two tests run only where the grader has one.
  // 1. A child in the group, a setsid child ignoring SIGTERM, a double-forked grandchild and a
  // child handed the listening socket: each keeps the port bound after the server is killed.
  test.runIf(namespaced)('helpers holding the port in all four ways at once are gone after the grade, the port free', async () => {
    const { result } = await gradeHostile('helpers-hold-port-four-ways');
    expect(codesOf(result)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.analysis.port).toBeDefined();
  });

  // 3. A grader that waited for the pipes to close would wait 300 s.
  test.runIf(namespaced)('a server that exits at once, leaving a grandchild on its stdout: not-listening at once, grandchild gone', async () => {
    const { result, ms } = await gradeHostile('exits-leaving-grandchild-on-stdout');
    expect(codesOf(result)).toEqual(['not-listening']);
    expect(result.checks.find((check) => check.id === 'starts-listening')?.evidence.map((e) => e.key)).toEqual(['start-exited']);
    expect(ms).toBeLessThan(5_000);
  });
});
