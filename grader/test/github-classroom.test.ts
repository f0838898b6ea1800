import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/processes.ts';

// The GitHub Classroom workflow (github-classroom/classroom.yml): parsed and checked against how
// the classroom's grading reporter finds a runner's result (<RUNNER>_RESULTS, base64 of JSON:
// src/main.js of classroom-resources/autograding-grading-reporter), and its grading step run here
// as GitHub Actions would run it (bash -e, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP
// pointing at temporary files), on the Python solutions and on a faulty server.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-classroom-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(path.join(repoRoot, 'github-classroom/classroom.yml'), 'utf8')) as {
  on: string[];
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; env: Record<string, string>; steps: Step[] }>;
};
const job = Object.values(workflow.jobs)[0];
const steps = job?.steps ?? [];

test('the workflow installs the kit with the README\'s command and hands the grade to the reporter the way it reads it', () => {
  expect(workflow.on).toEqual(expect.arrayContaining(['push']));
  expect(workflow.permissions).toMatchObject({ checks: 'write' });
  expect(steps.map((step) => step.uses ?? step.run?.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'))?.trim())).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'npm ci --no-audit --no-fund',
    expect.stringContaining('npm run --silent grade --'),
    'classroom-resources/autograding-grading-reporter@v1',
  ]);
  const grade = steps.find((step) => step.id !== undefined && step.run?.includes('npm run --silent grade'));
  const reporter = steps.at(-1);
  const runner = reporter?.with?.runners ?? '';
  expect(runner).toBe(grade?.id);
  expect(reporter?.env?.[`${runner.toUpperCase()}_RESULTS`]).toBe(`\${{ steps.${runner}.outputs.result }}`);
  expect(Number(steps[1]?.with?.['node-version'])).toBeGreaterThanOrEqual(20);
});

async function runGradeStep(folder: string, name: string) {
  // Each step its own RUNNER_TEMP: the two grades run at once and the step writes a fixed name there.
  const runnerTemp = path.join(scratch, name);
  mkdirSync(runnerTemp, { recursive: true });
  const files = { output: path.join(runnerTemp, 'output'), summary: path.join(runnerTemp, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const script = steps.find((step) => step.id === 'lab-grade')?.run ?? '';
  const run = await execa('bash', ['-e', '-c', script], {
    cwd: repoRoot,
    reject: false,
    env: { ...job?.env, LAB_FOLDER: folder, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, RUNNER_TEMP: runnerTemp, NO_COLOR: '1', LANG: 'en_US.UTF-8' },
    timeout: 120_000,
  });
  const output = readFileSync(files.output, 'utf8');
  // As the reporter reads it: the step's `result` output, base64 of JSON.
  const encoded = /^result=(.*)$/m.exec(output)?.[1] ?? '';
  return { run, result: JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')), summary: readFileSync(files.summary, 'utf8') };
}

test.concurrent.each([
  ['the Python solutions', 'solutions/python', 'pass'],
  ['a server that strips the message', 'grader/test/fixtures/fakes/strips-message', 'fail'],
])('the grading step on %s: a result the reporter reads, and the report as the summary', async (_, folder, status) => {
  const { run, result, summary } = await runGradeStep(folder, folder.replace(/\W+/g, '-'));
  expect(run.exitCode, String(run.stderr)).toBe(0);
  expect(result).toMatchObject({ version: 1, status, max_score: expect.any(Number) });
  const points = result.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0);
  if (status === 'pass') expect(points).toBe(result.max_score);
  else expect(points).toBeLessThan(result.max_score);
  expect(summary).toMatch(/^# Lab "Client–Server \(single thread\)"/);
  expect(summary).toContain(`Score ${points}/${result.max_score}`);
});
