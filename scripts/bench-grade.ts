import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

// How long a student waits: the wall time of `npm run grade -- solutions`, full and quick, from
// typing the command to the prompt coming back (grader start-up included). Prints figures; the
// tests never check speed.

// `npm run bench -- class` is the class benchmark (bench-class.ts).
if (process.argv[2] === 'class') await import('./bench-class.ts');
else await gradeBench(Number(process.argv[2] ?? 3));

async function wallSeconds(args: string[]): Promise<number> {
  const started = performance.now();
  const result = await execa('npm', ['run', '--silent', 'grade', '--', 'solutions', ...args], { reject: false });
  if (result.exitCode !== 0) throw new Error(`grade ${args.join(' ')} exited ${result.exitCode}`);
  return (performance.now() - started) / 1000;
}

async function gradeBench(runs: number): Promise<void> {
  for (const [label, args] of [['full grade', []], ['quick grade', ['--quick']]] as const) {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await wallSeconds([...args]));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    process.stdout.write(`${label.padEnd(12)} median ${median.toFixed(2)} s  (runs: ${times.map((t) => t.toFixed(2)).join(', ')})\n`);
  }
}
