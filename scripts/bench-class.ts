import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

// `npm run bench -- class [size] [--quick] [--no-sandbox] [--jobs N]`: a class of `size`
// (default 100) submissions built from the test fixtures (correct and faulty, Python,
// TypeScript and JavaScript, some on a hard-coded port), graded with --class. Prints the wall
// time, students per minute, CPU seconds per student, the grader's peak memory, and the
// speed-up over grading one after another, measured on a sample of the same class in the same
// run, whose verdicts and codes must be the ones the whole class got (same seed). Figures
// only: the tests never check speed.
//
// CPU is the whole machine's busy time while the class is graded (/proc/stat): the programs
// of a sandboxed grade are ended with SIGKILL, and no one is left to add their CPU time to the
// grader's. So run it on an otherwise idle machine.

const args = process.argv.slice(2).filter((arg) => arg !== 'class');
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt === -1 ? undefined : Number(args[jobsAt + 1]);
const rest = jobsAt === -1 ? args : args.filter((_, index) => index !== jobsAt && index !== jobsAt + 1);
const size = Number(rest.find((arg) => /^\d+$/.test(arg)) ?? 100);
const extra = rest.filter((arg) => arg.startsWith('--'));
const seed = '20261130';
const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'grader/test/fixtures');

const sources = [
  ...['python', 'javascript'].map((language) => path.join(root, 'solutions', language)),
  ...['servers', 'clients', 'fakes', 'classic'].flatMap((group) => readdirSync(path.join(fixtures, group)).map((name) => path.join(fixtures, group, name))),
];

const studentName = (i: number) => `student-${String(i + 1).padStart(3, '0')}`;

function buildClass(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i += 1) cpSync(sources[i % sources.length] as string, path.join(folder, studentName(i)), { recursive: true });
}

/** Busy CPU seconds of the whole machine so far. */
function machineBusySeconds(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = fields;
  return (user + nice + system + irq + softirq) / 100;
}

async function gradeClass(folder: string, jobs?: number) {
  const started = performance.now();
  const busyBefore = machineBusySeconds();
  const command = [process.execPath, '--import', 'tsx', 'grader/cli.ts', '--class', folder, '--out', `${folder}-grades`, '--seed', seed, '--lang', 'en'];
  const run = await execa('/usr/bin/time', ['-f', '%M', ...command, ...(jobs ? ['--jobs', String(jobs)] : []), ...extra], { cwd: root, reject: false });
  const wall = (performance.now() - started) / 1000;
  if (run.exitCode !== 0) throw new Error(`the class grade exited ${run.exitCode}: ${String(run.stderr).slice(-500)}`);
  const peakKiB = Number(String(run.stderr).trim().split('\n').at(-1));
  const jobsUsed = /(\d+) at a time/.exec(String(run.stdout))?.[1] ?? '?';
  return { wall, cpu: machineBusySeconds() - busyBefore, peakMiB: peakKiB / 1024, jobsUsed };
}

/** Each student's verdict, score and codes, as their grade record holds them. */
function verdicts(out: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const record = JSON.parse(readFileSync(path.join(out, studentName(i), 'grade-record.json'), 'utf8')) as { row: { status: string; passed: boolean; score: number; codes: string[] } };
    const { status, passed, score, codes } = record.row;
    return `${studentName(i)} ${status} ${passed ? 'passed' : 'not passed'} ${score} ${codes.join(',')}`;
  });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-bench-class-'));
try {
  const whole = path.join(scratch, 'class');
  buildClass(whole, size);
  const all = await gradeClass(whole, jobs);
  const sampleSize = Math.min(size, 2 * availableParallelism() + 2);
  const sample = path.join(scratch, 'sample');
  buildClass(sample, sampleSize);
  const alone = await gradeClass(sample, 1);
  const perStudentAlone = alone.wall / sampleSize;
  const inClass = verdicts(`${whole}-grades`, sampleSize);
  const oneByOne = verdicts(`${sample}-grades`, sampleSize);
  const differ = oneByOne.filter((line, i) => line !== inClass[i]);
  process.stdout.write(
    [
      `class of ${size}, ${all.jobsUsed} at a time${extra.length > 0 ? ` (${extra.join(' ')})` : ''}, ${availableParallelism()} cores`,
      `wall time:            ${all.wall.toFixed(1)} s`,
      `students per minute:  ${((60 * size) / all.wall).toFixed(1)}`,
      `CPU per student:      ${(all.cpu / size).toFixed(2)} s (the whole machine's busy time)`,
      `peak memory (grader): ${all.peakMiB.toFixed(0)} MiB`,
      `one at a time:        ${perStudentAlone.toFixed(1)} s a student (a sample of ${sampleSize}), so ${(perStudentAlone * size).toFixed(0)} s for the class`,
      `speed-up:             ${((perStudentAlone * size) / all.wall).toFixed(2)} ×`,
      `same verdicts:        ${differ.length === 0 ? `yes, all ${sampleSize} of the sample` : `NO, ${differ.length} of ${sampleSize}:`}`,
      ...differ.flatMap((line) => [`  one at a time: ${line}`, `  in the class:  ${inClass[oneByOne.indexOf(line)]}`]),
    ].join('\n') + '\n',
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
