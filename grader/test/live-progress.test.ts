import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { labReportFixture } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';
import { progressLines } from './helpers/progress-lines.ts';

// The live progress as a student sees it: on a terminal (a real pseudo-terminal, made by
// util-linux's script), a frame redrawn in place and rubbed out before the report; in a pipe,
// one line per check as it is judged. Graded: the lab report's first-year pair, which fails.

const grader = `${process.execPath} --import tsx grader/cli.ts`;
const rows = 16;

describe.concurrent('the live progress', () => {
test('in a pipe: one line per judged check, on stderr, the first well before the last', { timeout: 120_000 }, async () => {
  const arrivals: { line: string; atMs: number }[] = [];
  const startedAt = Date.now();
  const run = execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', labReportFixture('pair'), '--quick', '--lang', 'en'], {
    cwd: repoRoot,
    reject: false,
    env: { NO_COLOR: '1' },
    timeout: 110_000,
  });
  let pending = '';
  run.stderr?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) arrivals.push({ line, atMs: Date.now() - startedAt });
  });
  const done = await run;
  expect(done.exitCode).toBe(1);
  const lines = progressLines(arrivals.map(({ line }) => line).join('\n'));
  const ids = lines.map((line) => /· ([a-z0-9-]+)$/.exec(line)?.[1]);
  // Every check judged in a quick grade, once; the full-grade-only one is not a line.
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toContain('starts-listening');
  expect(ids).toContain('idle-timeout');
  expect(ids).toContain('client-sends-line');
  expect(ids).not.toContain('idle-timeout-restarts');
  expect(lines.find((line) => line.endsWith('· counts-accented'))).toMatch(/^\[ *\d+\.\d s\] +FAIL +0\/3 +Counts accented letters as one character each · counts-accented$/);
  // As they come: the server's first check is printed before its idle timeout (2 s) has run out.
  const at = (id: string) => arrivals.find(({ line }) => line.endsWith(`· ${id}`))?.atMs ?? Number.NaN;
  expect(at('idle-timeout') - at('starts-listening')).toBeGreaterThan(1_000);
});

test('on a terminal: a frame redrawn in place, never taller than the terminal, in the report\'s order, then rubbed out', { timeout: 120_000 }, async () => {
  const command = `stty rows ${rows} cols 100; ${grader} ${labReportFixture('pair')} --quick --lang en`;
  const run = await execa('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: repoRoot, reject: false, env: { NO_COLOR: '1', TERM: 'xterm' }, timeout: 110_000 });
  expect(run.exitCode).toBe(1);
  const raw = String(run.stdout).replace(/\r\n/g, '\n');
  // Each frame ends where the cursor goes back up to redraw (or to rub it out before the report).
  const pieces = raw.split(/(?:\x1b\[\d+A)?\r\x1b\[0J/);
  const frames = pieces.slice(1, -1);
  const report = pieces.at(-1) ?? '';
  expect(frames.length).toBeGreaterThan(10);
  for (const frame of frames) expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
  const statuses = frames.map((frame) => frame.split('\n').at(-1) ?? '');
  expect(statuses.some((line) => /finding, building and starting the programs/.test(line))).toBe(true);
  expect(statuses.some((line) => /the server's idle timeout is due in \d s/.test(line))).toBe(true);
  expect(statuses.some((line) => /now: .*idle-timeout/.test(line))).toBe(true);
  expect(frames.some((frame) => /FAIL +0\/3 +Counts accented letters as one character each · counts-accented/.test(frame))).toBe(true);
  // Where the terminal is too short for every line, the passed checks fold into one.
  expect(frames.some((frame) => /PASS +\d+ checks passed so far/.test(frame))).toBe(true);
  // Each check keeps its place: in every frame, the checks come in the report's order.
  const order = ['starts-listening', 'counts-ascii', 'counts-digits', 'idle-timeout', 'newline-framing', 'logs', 'client-sends-line', 'client-refused', 'end-to-end'];
  for (const frame of frames) {
    const shown = order.filter((id) => frame.includes(`· ${id}\n`));
    expect(shown).toEqual([...shown].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  }
  // After the last frame is rubbed out: the report, and no status line left in it.
  expect(report).toMatch(/^Lab "Client–Server \(single thread\)" · grader/);
  expect(report).not.toContain('checks judged');
});
});
