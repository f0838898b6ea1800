import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { gradeThroughCli, runCli } from './helpers/grade-fixture.ts';
import { repoRoot, waitUntil } from './helpers/processes.ts';
import { progressLines } from './helpers/progress-lines.ts';

// --repeat N and --watch, as a student uses them: a server whose mistake only some messages
// show, graded again and again; a folder watched while a file of it is saved.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-repeat-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const oddLength = path.join(repoRoot, 'grader/test/fixtures/flickering/odd-length');

describe.concurrent('--repeat', () => {
  test('names the checks that flicker, with seeds that replay their failure', { timeout: 150_000 }, async () => {
    const run = await runCli([oddLength, '--only', 'server', '--quick', '--repeat', '5', '--lang', 'en'], {}, 140_000);
    expect(run.exitCode).toBe(1);
    const stdout = String(run.stdout);
    // Counted one too many for an odd length: with five fresh seeds, some count check is right in one run and wrong in another.
    expect(stdout).toContain('Not the same verdict in every run');
    const [, id, seed] = /^ {2}([a-z0-9-]+) +passed [1-4]\/5 · not passed with seed (\d+)/m.exec(stdout) ?? [];
    expect(id).toBeDefined();
    expect(stdout).toContain(`--seed ${seed}`);
    expect(stdout).toMatch(/^\d+ checks passed every time/m);
    // One line per run on stderr, not one per check.
    expect(String(run.stderr).match(/^run \d\/5 · seed \d+: not passed/gm)).toHaveLength(5);
    expect(progressLines(String(run.stderr))).toEqual([]);
    // The seed replays it: that check fails again.
    const replay = await gradeThroughCli(oddLength, ['--only', 'server', '--quick', '--seed', String(seed)]);
    expect(replay.results?.checks.find((check) => check.id === id)?.status).toBe('fail');
  });

  test('a correct server: the same verdict every time, exit status 0', { timeout: 60_000 }, async () => {
    const run = await runCli(['solutions/python', '--check', 'counts-ascii', '--quick', '--repeat', '2', '--lang', 'en']);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toContain('Every check gave the same verdict in every run.');
    expect(String(run.stdout)).toContain('The grade passed in 2 of 2 runs.');
  });

  test.each([
    [['--repeat', '3', '--seed', '7'], '--repeat cannot go with --seed'],
    [['--repeat', '0'], '--repeat'],
    [['--watch', '--report', 'markdown'], '--watch cannot go with --report'],
    [['--repeat', '2', '--watch'], '--repeat cannot go with --watch'],
  ])('%j is one line and exit status 2', async (args, message) => {
    const run = await runCli(['solutions/python', '--lang', 'en', ...args]);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });
});

test('--watch grades now, grades again when a file is saved, says what broke, and Ctrl-C leaves nothing behind', { timeout: 120_000 }, async () => {
  const folder = path.join(scratch, 'watched');
  cpSync(path.join(repoRoot, 'solutions/python'), folder, { recursive: true });
  const watcher = execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', folder, '--watch', '--only', 'server', '--lang', 'en'], {
    cwd: repoRoot,
    reject: false,
    env: { NO_COLOR: '1' },
    timeout: 110_000,
  });
  let stdout = '';
  watcher.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const watching = () => stdout.match(/^Watching .*: saving a file grades it again \(Ctrl-C to stop\)\.$/gm)?.length ?? 0;
  try {
    expect(await waitUntil(() => watching() === 1, 60_000)).toBe(true);
    expect(stdout).toContain('Quick grade');
    expect(stdout).toContain('Score 51/51');
    // The student "fixes" the count: bytes instead of characters.
    const server = path.join(folder, 'server.py');
    writeFileSync(server, readFileSync(server, 'utf8').replace('count = len(text)', 'count = len(message)'));
    expect(await waitUntil(() => watching() === 2, 60_000)).toBe(true);
    const second = stdout.slice(stdout.indexOf('Watching'));
    expect(second).toContain('counts-bytes');
    expect(second).toMatch(/Since the last run:\n {2}newly failing: .*counts-accented/);
  } finally {
    watcher.kill('SIGINT');
  }
  const ended = await watcher;
  expect(ended.exitCode).toBe(130);
});
