import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

// `npm run bench [runs]`: how long a student waits, per track, against the least a grade can
// take: the idle timeout it must wait out (10 s, or 2 s with --quick) plus the program's own
// start-up (measured by the grader in the same run). Wall time is from typing the command to
// the prompt coming back, the grader's own start-up included; CPU is the grader's and every
// program's it waited for (Linux: /proc/self/stat's children times). The targets are issue
// 12's: quick within 1.5 × the bound, full within 1.05 ×. `grade` is the grade alone, as the
// grader measures it (its durationMs: from finding the files to the result), without npm and
// Node loading the grader's bundle (about 0.5 s, the same for every submission); `grade÷` is
// its ratio to the bound. A faulty first-year pair (a client with no timeout, a server that
// never stops) shows the quick budget's worst case. Figures only: the tests never check speed.

const root = path.resolve(import.meta.dirname, '..');
const tracks = [
  { name: 'TypeScript', folder: 'solutions', modes: ['full', 'quick'] },
  { name: 'JavaScript', folder: 'solutions/javascript', modes: ['full', 'quick'] },
  { name: 'Python', folder: 'solutions/python', modes: ['full', 'quick'] },
  { name: 'first-year pair (faulty)', folder: 'grader/test/fixtures/lab-report/pair', modes: ['quick'] },
] as const;

/** CPU seconds of the children this process has waited for, or undefined off Linux. */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // cutime and cstime are fields 16 and 17 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

interface Run {
  readonly wall: number;
  readonly grade: number;
  readonly cpu?: number;
  readonly bound: number;
}

async function gradeOnce(folder: string, quick: boolean, scratch: string): Promise<Run> {
  const json = path.join(scratch, 'results.json');
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const result = await execa('npm', ['run', '--silent', 'grade', '--', folder, '--json', json, ...(quick ? ['--quick'] : [])], { cwd: root, reject: false });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  if (result.exitCode === 2) throw new Error(`grading ${folder} failed: ${String(result.stderr).trim()}`);
  const results = JSON.parse(readFileSync(json, 'utf8')) as { idleTimeoutSeconds: number; durationMs: number; analysis: { startupMs?: number } };
  const bound = results.idleTimeoutSeconds + (results.analysis.startupMs ?? 0) / 1000;
  return { wall, grade: results.durationMs / 1000, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, bound };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function gradeBench(runs: number): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lab-bench-'));
  try {
    process.stdout.write(`${'track'.padEnd(26)}${'mode'.padEnd(7)}${'wall'.padStart(8)}${'grade'.padStart(8)}${'bound'.padStart(8)}${'ratio'.padStart(8)}${'grade÷'.padStart(8)}${'target'.padStart(8)}${'CPU'.padStart(8)}   runs\n`);
    for (const track of tracks) {
      for (const mode of track.modes) {
        const done: Run[] = [];
        for (let i = 0; i < runs; i += 1) done.push(await gradeOnce(track.folder, mode === 'quick', scratch));
        const wall = median(done.map((run) => run.wall));
        const grade = median(done.map((run) => run.grade));
        const bound = median(done.map((run) => run.bound));
        const cpu = done.every((run) => run.cpu !== undefined) ? `${median(done.map((run) => run.cpu ?? 0)).toFixed(2)} s` : '—';
        const target = mode === 'quick' ? 1.5 : 1.05;
        const row = [
          track.name.padEnd(26),
          mode.padEnd(7),
          `${wall.toFixed(2)} s`.padStart(8),
          `${grade.toFixed(2)} s`.padStart(8),
          `${bound.toFixed(2)} s`.padStart(8),
          `${(wall / bound).toFixed(2)}×`.padStart(8),
          `${(grade / bound).toFixed(2)}×`.padStart(8),
          `${target.toFixed(2)}×`.padStart(8),
          cpu.padStart(8),
          `   ${done.map((run) => run.wall.toFixed(2)).join(', ')}`,
        ];
        process.stdout.write(`${row.join('')}\n`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// `npm run bench -- class` is the class benchmark (bench-class.ts).
if (process.argv[2] === 'class') await import('./bench-class.ts');
else await gradeBench(Number(process.argv[2] ?? 3));
