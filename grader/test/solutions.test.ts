import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { rescore } from '../score.ts';
import { classicRubric, kitRubric } from '../rubric.ts';
import { codesOf, gradeFolder, runCli } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';
import { progressLines, stderrBesidesProgress } from './helpers/progress-lines.ts';

describe('the reference solution', () => {
  test('passes every check of a full grade, server and client, with the default 10 s timeout', async () => {
    const result = await gradeFolder(path.join(repoRoot, 'solutions'), { quick: false });
    expect(result.checks.filter((check) => check.status !== 'pass' && check.skipReason !== 'quick-mode-only')).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.score).toBe(result.maxScore);
    expect(result.analysis.idleTimeoutBehaviour).toBe('stops');
    expect(result.checks.filter((check) => check.part === 'client').length).toBeGreaterThanOrEqual(10);
    expect(rescore(result, classicRubric).passed).toBe(true);
  });

  test('passes a quick grade from the command line, exit status 0, and writes the JSON of §8', async () => {
    const json = path.join(await mkdtemp(path.join(os.tmpdir(), 'grade-')), 'results.json');
    const run = await runCli(['solutions', '--quick', '--json', json, '--lang', 'en']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('PASSED: every required check passed');
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results).toMatchObject({ rubric: 'kit', passed: true, score: results.maxScore, seed: expect.any(Number) });
    const serverChecks = results.checks.filter((check: { part: string }) => check.part === 'server');
    expect(serverChecks.length).toBeGreaterThanOrEqual(12);
    for (const check of results.checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining(['id', 'part', 'title', 'status', 'required', 'points', 'maxPoints', 'diagnoses', 'durationMs']),
      );
      expect(['pass', 'warn', 'skip']).toContain(check.status);
    }
  });
});

describe.concurrent('the reference solutions in Python and JavaScript', () => {
  test.each(['python', 'javascript'])('%s: every check passes, server, client and end to end, under both rubrics', async (language) => {
    const result = await gradeFolder(path.join(repoRoot, 'solutions', language));
    expect(result.checks.filter((check) => check.status !== 'pass' && check.skipReason !== 'full-grade-only')).toEqual([]);
    expect(result.checks.some((check) => check.id === 'end-to-end' && check.status === 'pass')).toBe(true);
    for (const rubric of [kitRubric, classicRubric]) expect(rescore(result, rubric).passed).toBe(true);
  });
});

describe('the untouched exercise stubs', () => {
  test('fail with not-implemented, exit status 1, and the grader does not crash', async () => {
    const run = await runCli(['--lang', 'en']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('not-implemented');
    expect(run.stdout).toContain('client-not-implemented');
    expect(run.stdout).toContain('NOT PASSED');
    // Nothing but the live progress's lines: no error, no warning.
    expect(stderrBesidesProgress(run.stderr).trim()).toBe('');
    expect(progressLines(run.stderr).length).toBeGreaterThan(0);
  });

  test.each(['exercises', 'exercises/python'])('%s: get not-implemented for both parts and nothing else', async (folder) => {
    const result = await gradeFolder(path.join(repoRoot, folder));
    expect(codesOf(result)).toEqual(['client-not-implemented', 'not-implemented']);
    expect(result.passed).toBe(false);
  });
});

describe('end to end', () => {
  test('a client and a server that do not work together get end-to-end-fails', async () => {
    const result = await gradeFolder(path.join(repoRoot, 'grader/test/fixtures/pairs/counting-bytes'));
    expect(codesOf(result)).toEqual(['counts-bytes', 'end-to-end-fails']);
  });
});

describe('a seed', () => {
  test('repeats a run exactly: the same messages are sent', async () => {
    const folder = path.join(repoRoot, 'grader/test/fixtures/servers/correct-python');
    const sent = async () => {
      const result = await gradeFolder(folder, { seed: 4242 });
      return result.checks
        .filter((check) => check.id.startsWith('counts-'))
        .map((check) => check.exchanges.flatMap(({ exchange }) => exchange.events.filter((e) => e.kind === 'send').map((e) => e.bytesBase64)));
    };
    const [first, second] = [await sent(), await sent()];
    expect(first).toEqual(second);
    expect(first.flat().length).toBeGreaterThan(4);
  });
});
