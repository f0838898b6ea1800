import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './helpers/processes.ts';

// The kit's own CI for the people who fork it (.github/workflows/test.yml) cannot run here: it
// is parsed, and checked to run the README's commands (and .ci/run's) on Linux, macOS and Windows.

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number>;
}
interface Job {
  readonly 'runs-on': string;
  readonly strategy?: { readonly matrix: { readonly os: string[] } };
  readonly steps: Step[];
}
const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/test.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');
const runs = (job: Job | undefined) => (job?.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));

test('Linux runs the whole suite as .ci/run does, after the README\'s install', () => {
  expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
  const linux = workflow.jobs.linux;
  expect(linux?.['runs-on']).toMatch(/^ubuntu-/);
  const commands = runs(linux);
  expect(commands).toEqual([expect.stringContaining('apt-get install'), 'npm ci --no-audit --no-fund', 'npm run typecheck', expect.stringMatching(/LAB_REQUIRE_SANDBOX=1 npm test$/)]);
  expect(ciRun).toContain('npm ci --no-audit --no-fund');
  expect(ciRun).toContain('LAB_REQUIRE_SANDBOX=1 npm test');
  // The packages the README names for the tests (chromium: the runner has Chrome).
  for (const tool of ['bubblewrap', 'iproute2', 'libxml2-utils', 'net-tools']) {
    expect(commands[0]).toContain(tool);
    expect(readme).toContain(tool);
  }
});

test('macOS and Windows run the portable tests with the README\'s commands', () => {
  const portable = workflow.jobs.portable;
  expect(portable?.strategy?.matrix.os).toEqual(expect.arrayContaining([expect.stringMatching(/^macos-/), expect.stringMatching(/^windows-/)]));
  expect(runs(portable)).toEqual(['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm run test:portable']);
  expect(readme).toContain('npm run test:portable');
  const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts['test:portable']).toContain('grader/test/portable.test.ts');
});

test('every job has Node 20.19 or newer and Python 3 for the Python submissions', () => {
  for (const job of Object.values(workflow.jobs)) {
    const uses = job.steps.map((step) => step.uses);
    expect(uses).toEqual(expect.arrayContaining(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/setup-python@v5']));
    expect(Number(job.steps.find((step) => step.uses === 'actions/setup-node@v4')?.with?.['node-version'])).toBeGreaterThanOrEqual(20);
  }
});
