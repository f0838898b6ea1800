import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { existingProgramGroups } from '../sandbox/program-cgroups.ts';
import { sandboxSupport } from '../sandbox/support.ts';
import { runCli } from './helpers/grade-fixture.ts';
import { connectionsToOtherStudent } from './helpers/other-student.ts';
import { scratchOutsideKit } from './helpers/outside-kit.ts';
import { processesMentioning, repoRoot, waitUntil } from './helpers/processes.ts';

// --sandbox, through the command line as an instructor runs it, against the hostile
// submissions only a sandbox can hold (reliability notes, items 11, 12, 14, 15, 20). CI installs
// bubblewrap and sets LAB_REQUIRE_SANDBOX, so that there these tests run instead of being skipped.

const support = sandboxSupport();
const hostile = (name: string) => path.join(repoRoot, 'grader/test/fixtures/hostile', name);

interface JsonResult {
  passed: boolean;
  isolation: { kind: string; runAsNobody?: boolean; cgroupLimits?: string[] };
  checks: { id: string; status: string; diagnoses: string[]; evidence: { key: string; values?: Record<string, unknown> }[]; output: { text: string }[] }[];
}

async function gradeInSandbox(folder: string, resultsFile?: string) {
  const json = resultsFile ?? path.join(mkdtempSync(path.join(tmpdir(), 'lab-sandbox-')), 'results.json');
  const run = await runCli([folder, '--sandbox', '--quick', '--json', json]);
  const result = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as JsonResult) : undefined;
  if (resultsFile === undefined) rmSync(path.dirname(json), { recursive: true, force: true });
  return { run, result };
}

const codes = (result: JsonResult | undefined) => [...new Set(result?.checks.flatMap((check) => check.diagnoses))].sort();

test.runIf(process.env.LAB_REQUIRE_SANDBOX === '1')('the sandbox is available where it is required (CI)', () => {
  expect(support).toMatchObject({ available: true });
});

// The reference solutions first and on their own: their timing checks must not share the
// machine with the hostile submissions below.
describe.runIf(support.available)('--sandbox, the reference solutions', () => {
  test.each(['solutions', 'solutions/python'])('%s passes in the sandbox, as the user nobody where the grader is root', async (folder) => {
    const { run, result } = await gradeInSandbox(path.join(repoRoot, folder));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(result?.isolation.kind).toBe('sandbox');
    expect(result?.isolation.runAsNobody).toBe(process.getuid?.() === 0);
  });

  test('the TypeScript solutions copied to a bare folder outside the kit pass too: its .ts files run as ES modules there', async () => {
    const folder = scratchOutsideKit('lab-sandbox-ts-');
    try {
      for (const file of ['server.ts', 'client.ts']) copyFileSync(path.join(repoRoot, 'solutions', file), path.join(folder, file));
      const { run, result } = await gradeInSandbox(folder);
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(result?.isolation.kind).toBe('sandbox');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.runIf(support.available).concurrent('--sandbox, hostile submissions', () => {
  test('11. a fork bomb is held by the process limit, and nothing of it is left', async () => {
    // The kernel counts, in each program's pids cgroup, the forks the limit refused.
    let refusedForks = 0;
    const watch = setInterval(() => {
      for (const group of existingProgramGroups().filter((directory) => directory.includes('/pids/'))) {
        try {
          refusedForks = Math.max(refusedForks, Number(/max (\d+)/.exec(readFileSync(path.join(group, 'pids.events'), 'utf8'))?.[1] ?? 0));
        } catch {
          // Removed meanwhile.
        }
      }
    }, 50);
    const { run, result } = await gradeInSandbox(hostile('fork-bomb')).finally(() => clearInterval(watch));
    expect([0, 1]).toContain(run.exitCode);
    if (support.available && support.cgroupLimits.includes('processes') && result?.isolation.runAsNobody) expect(refusedForks).toBeGreaterThan(0);
    expect(await waitUntil(() => processesMentioning(['b & b & sleep', hostile('fork-bomb')]).length === 0, 1_000)).toBe(true);
  });

  test('12. a server that allocates 10 GB is stopped by the memory limit; the grader reports it and lives', async () => {
    const { run, result } = await gradeInSandbox(hostile('allocates-10gb'));
    expect(run.exitCode).toBe(1);
    const start = result?.checks.find((check) => check.id === 'starts-listening');
    expect(start?.status).toBe('fail');
    if (support.available && support.cgroupLimits.includes('memory')) {
      expect(start?.evidence).toContainEqual({ key: 'sandbox-limit', values: { limit: 'memory', amount: '256 MB' }, text: expect.any(String) });
      expect(run.stdout).toContain("the sandbox's memory limit (256 MB) ended it");
    }
    expect(run.stdout).toMatch(/NOT PASSED/);
  });

  test('a server that tries to fill the disk: its /tmp is small, and what it writes to the tsx cache counts as memory', async () => {
    const { run, result } = await gradeInSandbox(hostile('fills-the-disk'));
    expect(run.exitCode).toBe(1);
    const start = result?.checks.find((check) => check.id === 'starts-listening');
    expect(start?.diagnoses).toEqual(['crashed']);
    if (support.available && support.cgroupLimits.includes('memory')) {
      expect(start?.evidence).toContainEqual({ key: 'sandbox-limit', values: { limit: 'memory', amount: '256 MB' }, text: expect.any(String) });
    }
  });

  test("a server that leaves 150 MB in tsx's cache at every restart: the grade's caches stay bounded", async () => {
    // The machine's shared memory (every tmpfs's pages), sampled while the grade runs.
    const shmem = () => Number(/^Shmem:\s+(\d+) kB$/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024;
    const before = shmem();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, shmem())), 50);
    const { run, result } = await gradeInSandbox(hostile('fills-shm-between-restarts')).finally(() => clearInterval(sampler));
    expect(run.exitCode, run.stdout).toBe(1);
    // It was started again and again (each copy serves one client), and wrote every time.
    expect(result?.checks.find((check) => check.id === 'serves-clients-in-turn')?.diagnoses).toContain('exits-after-first-client');
    expect(result?.checks.flatMap((check) => check.output.map((line) => line.text)).filter((text) => /: 15 files of 10 MB$/.test(text)).length).toBeGreaterThan(3);
    // Unbounded, the copies' files would add up to gigabytes; the grade's caches hold 512 MB at most.
    expect(peak - before).toBeLessThan(700 * 1024 * 1024);
    // Nothing of it is left once the grade is over.
    expect(shmem() - before).toBeLessThan(64 * 1024 * 1024);
  });

  test('14. a server that stops and kills its parent and signals every process harms nothing', async () => {
    const { run, result } = await gradeInSandbox(hostile('kills-its-parent'));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(codes(result)).toEqual([]);
  });

  test('15. writes to the results file, the kit and the tsx cache never reach them', async () => {
    const canaries = [path.join(repoRoot, 'node_modules/.lab-hostile-canary'), path.join(repoRoot, '.lab-hostile-canary')];
    const poison = `/tmp/tsx-${process.getuid?.() ?? 0}/lab-hostile-poison`;
    const resultsFile = '/tmp/lab-hostile-results-sandbox.json';
    const ownFile = path.join(hostile('writes-outside-its-folder'), 'written-by-the-server.txt');
    for (const canary of canaries) writeFileSync(canary, 'intact\n');
    try {
      const { run, result } = await gradeInSandbox(hostile('writes-outside-its-folder'), resultsFile);
      expect(run.exitCode, run.stdout).toBe(0);
      expect(result?.checks.length).toBeGreaterThan(10);
      for (const canary of canaries) expect(readFileSync(canary, 'utf8')).toBe('intact\n');
      expect(existsSync(poison)).toBe(false);
      expect(existsSync(ownFile)).toBe(false);
    } finally {
      for (const file of [...canaries, resultsFile]) rmSync(file, { force: true });
    }
  });

  test("20. another student's server on this machine and hosts outside cannot be reached", async () => {
    const attempts = await connectionsToOtherStudent(async () => {
      const { run } = await gradeInSandbox(hostile('reaches-other-ports'));
      expect(run.exitCode, run.stdout).toBe(0);
    });
    expect(attempts).toEqual([]);
  });

  test('a submission that is a link out of its folder is refused with one line', async () => {
    const { run } = await gradeInSandbox(hostile('links-outside'));
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });
});

test('without bubblewrap, --sandbox is one clear line and exit status 2: nothing runs unprotected', async () => {
  // A PATH with the rest of the sandbox's tools but no bwrap.
  const bin = mkdtempSync(path.join(tmpdir(), 'lab-no-bwrap-'));
  try {
    for (const tool of ['setpriv', 'prlimit']) symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
    const run = await runCli(['solutions', '--sandbox', '--quick'], { PATH: bin, LANG: 'en_US.UTF-8' });
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(process.platform === 'linux' ? /bubblewrap/ : /only on Linux/);
    expect(run.stdout).toBe('');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});

test('a server that keeps forging the results file: the file holds the real verdict, with and without the sandbox', async () => {
  // One test for both modes: the forger writes to this one path outside the sandbox.
  const resultsFile = '/tmp/lab-hostile-results.json';
  try {
    for (const sandbox of support.available ? [false, true] : [false]) {
      const run = await runCli([hostile('forges-results-file'), '--quick', '--json', resultsFile, ...(sandbox ? ['--sandbox'] : [])]);
      expect(run.exitCode).toBe(1);
      const result = JSON.parse(readFileSync(resultsFile, 'utf8')) as JsonResult;
      expect(result.passed).toBe(false);
      expect(codes(result)).toContain('counts-bytes');
    }
  } finally {
    rmSync(resultsFile, { force: true });
  }
});
