import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

// `npm run bench -- class [size] [--quick] [--no-sandbox]`: a class of `size` (default 100)
// submissions built from the test fixtures (correct and faulty, Python, TypeScript and
// JavaScript, some on a hard-coded port), graded with --class. Prints the wall time, students
// per minute, CPU seconds per student, the grader's peak memory, and the speed-up over grading
// one after another, measured on a sample of the same class in the same run. Figures only: the
// tests never check speed.

const args = process.argv.slice(2).filter((arg) => arg !== 'class');
const size = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100);
const extra = args.filter((arg) => arg.startsWith('--'));
const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'grader/test/fixtures');

const sources = [
  ...['python', 'javascript'].map((language) => path.join(root, 'solutions', language)),
  ...['servers', 'clients', 'fakes', 'classic'].flatMap((group) => readdirSync(path.join(fixtures, group)).map((name) => path.join(fixtures, group, name))),
];

function buildClass(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i += 1) cpSync(sources[i % sources.length] as string, path.join(folder, `student-${String(i + 1).padStart(3, '0')}`), { recursive: true });
}

async function gradeClass(folder: string, jobs: number) {
  const started = performance.now();
  const run = await execa('/usr/bin/time', ['-f', '%U %S %M', process.execPath, '--import', 'tsx', 'grader/cli.ts', '--class', folder, '--out', `${folder}-grades`, '--jobs', String(jobs), '--lang', 'en', ...extra], { cwd: root, reject: false });
  const wall = (performance.now() - started) / 1000;
  const [user, system, peakKiB] = String(run.stderr).trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  if (run.exitCode !== 0) throw new Error(`the class grade exited ${run.exitCode}: ${String(run.stderr).slice(-500)}`);
  return { wall, cpu: (user ?? 0) + (system ?? 0), peakMiB: (peakKiB ?? 0) / 1024 };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-bench-class-'));
try {
  const jobs = availableParallelism();
  const whole = path.join(scratch, 'class');
  buildClass(whole, size);
  const all = await gradeClass(whole, jobs);
  const sampleSize = Math.min(size, 2 * jobs + 2);
  const sample = path.join(scratch, 'sample');
  buildClass(sample, sampleSize);
  const alone = await gradeClass(sample, 1);
  const perStudentAlone = alone.wall / sampleSize;
  process.stdout.write(
    [
      `class of ${size}, ${jobs} at a time${extra.length > 0 ? ` (${extra.join(' ')})` : ''}`,
      `wall time:            ${all.wall.toFixed(1)} s`,
      `students per minute:  ${((60 * size) / all.wall).toFixed(1)}`,
      `CPU per student:      ${(all.cpu / size).toFixed(2)} s`,
      `peak memory (grader): ${all.peakMiB.toFixed(0)} MiB`,
      `one at a time:        ${perStudentAlone.toFixed(1)} s a student (a sample of ${sampleSize}), so ${(perStudentAlone * size).toFixed(0)} s for the class`,
      `speed-up:             ${((perStudentAlone * size) / all.wall).toFixed(2)} ×`,
    ].join('\n') + '\n',
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
