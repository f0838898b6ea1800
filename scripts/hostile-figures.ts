import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa, type ResultPromise } from 'execa';
import { processTree } from '../grader/net/listening.ts';
import { existingProgramGroups } from '../grader/sandbox/program-cgroups.ts';
import { sandboxSupport } from '../grader/sandbox/support.ts';
import { listeningPorts, processesMentioning, repoRoot, waitUntil } from '../grader/test/helpers/processes.ts';

// The hostile suite as a figure (npm run hostile): every hostile submission graded through the
// command line, as an instructor would, and for each whether it was handled as the reliability
// notes say; then what was left behind (processes, listening ports, sandbox cgroups), the
// grader's peak memory and the longest teardown. The tests assert the same outcomes; this
// prints the numbers.

interface Case {
  readonly name: string;
  readonly folder: string;
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  readonly sandbox?: boolean;
  /** Exit statuses that count as handled. */
  readonly exit: readonly number[];
  readonly codes?: CodesExpected;
  readonly extra?: Extra;
  /** The grader's open-files limit, soft and hard, as `ulimit -n` sets it. */
  readonly nofile?: number;
  /** Sent mid-run: what must then be gone within a second. */
  readonly interrupt?: NodeJS.Signals;
}

const hostile = (name: string) => path.join(repoRoot, 'grader/test/fixtures/hostile', name);
const server = (name: string) => path.join(repoRoot, 'grader/test/fixtures/servers', name);
/** What the codes must be, and how a FAIL line says it. */
interface CodesExpected {
  readonly test: (codes: string[]) => boolean;
  readonly says: string;
}
/** Another condition on what the grader printed, and how a FAIL line says it. */
interface Extra {
  readonly test: (run: { stdout: string; stderr: string }) => boolean;
  readonly says: string;
}
const exactly = (...expected: string[]): CodesExpected => ({
  test: (codes) => JSON.stringify(codes) === JSON.stringify([...expected].sort()),
  says: `codes exactly [${[...expected].sort().join(', ')}]`,
});
const including = (code: string): CodesExpected => ({ test: (codes) => codes.includes(code), says: `codes including ${code}` });
const fakeTsxMarker = '/tmp/lab-hostile-fake-tsx-ran';
const noRawControls: Extra = { test: ({ stdout }) => !/[\u001b\r\u202e\u0007\u0008]/.test(stdout), says: 'no raw control character in the report' };

const plain: Case[] = [
  { name: '1 helpers hold the port four ways', folder: hostile('helpers-hold-port-four-ways'), exit: [0], codes: exactly() },
  { name: '2 ignores SIGTERM (TypeScript)', folder: hostile('ignores-sigterm'), exit: [0], codes: exactly() },
  { name: '3 exits, a grandchild keeps stdout', folder: hostile('exits-leaving-grandchild-on-stdout'), exit: [1], codes: exactly('not-listening') },
  { name: '4 never listens', folder: server('not-listening'), exit: [1], codes: exactly('not-listening') },
  { name: '4 prints "listening", listens on UDP only', folder: hostile('listening-line-udp-only'), exit: [1], codes: exactly('not-listening') },
  { name: '5 binds ::1', folder: server('listens-on-localhost-ipv6'), exit: [0], codes: exactly() },
  { name: '5 binds 0.0.0.0', folder: hostile('binds-any-ipv4'), exit: [0], codes: exactly() },
  { name: '5 binds ::', folder: hostile('binds-any-ipv6'), exit: [0], codes: exactly() },
  { name: '6 hard-codes another port', folder: server('other-port'), exit: [0], codes: exactly('ignores-port-env') },
  // In the machine's network: elsewhere its copies get networks of their own, where the port is free.
  { name: '6 its port is taken (--port)', folder: hostile('port-already-taken'), args: ['--port', '12361'], env: { LAB_GRADER_NETWORK: 'machine' }, exit: [2], extra: { test: ({ stderr }) => stderr.split('\n').filter((line) => line.trim() !== '' && !/^\[ *\d+\.\d s\] /.test(line)).length === 1, says: 'one line on stderr (besides the progress)' } },
  { name: '7 never replies', folder: server('no-reply'), exit: [1], codes: including('no-reply') },
  { name: '7 replies one byte a second', folder: hostile('replies-one-byte-a-second'), exit: [1], codes: including('wrong-count') },
  { name: '8 answers an endless stream', folder: hostile('replies-endless-stream'), exit: [1], codes: including('wrong-count') },
  { name: '9 never reads', folder: hostile('never-reads'), exit: [1], codes: including('no-reply') },
  { name: '10 floods stdout and stderr', folder: hostile('floods-stdout-stderr'), exit: [0], codes: exactly() },
  { name: '13 spins the CPU', folder: hostile('spins-cpu-in-child'), exit: [0], codes: exactly() },
  { name: '16 fake PASS lines, control sequences', folder: hostile('fake-pass-and-escapes'), exit: [1], codes: including('wrong-count'), extra: noRawControls },
  { name: '17 looks for secrets', folder: hostile('looks-for-secrets'), env: { LAB_SECRET_TOKEN: 'hunter2' }, exit: [0], codes: exactly() },
  { name: '18 ships its own tsx', folder: hostile('ships-own-tsx'), exit: [0], codes: exactly(), extra: { test: () => !existsSync(fakeTsxMarker), says: 'its own tsx never ran' } },
  { name: '19 a link out of its folder', folder: hostile('links-outside'), exit: [2] },
  { name: '22 a 2 s cold start', folder: hostile('slow-cold-start'), exit: [0], codes: exactly() },
  { name: 'a client floods the scripted server', folder: hostile('client-floods-1gb'), exit: [1], codes: including('client-wrong-message') },
  { name: 'forges the results file', folder: hostile('forges-results-file'), exit: [1], codes: including('counts-bytes') },
  { name: 'a client opens connections without end', folder: hostile('opens-connections-without-end'), args: ['--only', 'client'], nofile: 512, exit: [1], codes: including('client-wrong-message') },
  ...(['SIGINT', 'SIGTERM', 'SIGKILL'] as const).map((signal) => ({ name: `21 grader gets ${signal}`, folder: hostile('interrupted-mid-grade'), exit: [], interrupt: signal })),
];

const sandboxed: Case[] = [
  { name: '11 fork bomb', folder: hostile('fork-bomb'), exit: [0, 1] },
  { name: '12 allocates 10 GB', folder: hostile('allocates-10gb'), exit: [1], codes: exactly('crashed') },
  { name: '13 spins the CPU', folder: hostile('spins-cpu-in-child'), exit: [0], codes: exactly() },
  { name: 'fills the disk (/tmp, tsx cache)', folder: hostile('fills-the-disk'), exit: [1], codes: exactly('crashed') },
  { name: 'fills the tsx cache at every restart', folder: hostile('fills-shm-between-restarts'), exit: [1], codes: including('exits-after-first-client') },
  { name: '14 kills its parent, kill -1', folder: hostile('kills-its-parent'), exit: [0], codes: exactly() },
  { name: '15 writes to results, kit, tsx cache', folder: hostile('writes-outside-its-folder'), exit: [0], codes: exactly() },
  { name: "20 reaches others' ports, the outside", folder: hostile('reaches-other-ports'), exit: [0], codes: exactly() },
  ...(['SIGINT', 'SIGTERM', 'SIGKILL'] as const).map((signal) => ({ name: `21 grader gets ${signal}`, folder: hostile('interrupted-mid-grade'), exit: [], interrupt: signal })),
].map((entry) => ({ ...entry, sandbox: true }));

/** The peak resident memory of the grader's processes (the outer and inner one with --sandbox), polled. */
function watchPeakMemory(rootPid: number | undefined): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    for (const pid of rootPid === undefined ? [] : processTree(rootPid)) {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        if (hwm && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('grader/cli.ts')) peak = Math.max(peak, Number(hwm) * 1024);
      } catch {
        // Gone already.
      }
    }
  };
  const timer = setInterval(sample, 50);
  return { stop: () => (clearInterval(timer), sample(), peak) };
}

interface Outcome {
  readonly handled: boolean;
  readonly name: string;
  /** For a case not handled: what was expected and what was seen, each. */
  readonly why: readonly string[];
  readonly leftProcesses: number;
  readonly peakBytes: number;
  readonly teardownMs: number;
  /** After a signal, the part of the teardown before the grader itself had ended. */
  readonly graderEndMs: number;
  readonly wallMs: number;
}

async function runCase(entry: Case): Promise<Outcome> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'lab-hostile-figure-'));
  const json = path.join(scratch, 'results.json');
  const args = ['--import', 'tsx', 'grader/cli.ts', entry.folder, '--quick', '--json', json, ...(entry.args ?? []), ...(entry.sandbox ? ['--sandbox'] : [])];
  const started = performance.now();
  const [command, ...rest] = [...(entry.nofile ? ['prlimit', `--nofile=${entry.nofile}:${entry.nofile}`, '--'] : []), process.execPath, ...args] as [string, ...string[]];
  const grader: ResultPromise = execa(command, rest, { cwd: repoRoot, reject: false, env: { NO_COLOR: '1', LANG: 'en_US.UTF-8', ...entry.env }, timeout: 240_000 });
  const memory = watchPeakMemory(grader.pid);
  // The submission's processes: not the grader's own, whose command line names the folder too.
  const programs = () => processesMentioning([entry.folder, 'b & b & sleep']).filter(({ commandLine }) => !commandLine.includes('grader/cli.ts'));
  let signalledAt: number | undefined;
  if (entry.interrupt) {
    await waitUntil(() => programs().length >= 2, 30_000);
    signalledAt = performance.now();
    grader.kill(entry.interrupt);
  }
  const run = await grader;
  // After a signal: how long the grader itself took to end, apart from what it left.
  const graderEndMs = signalledAt === undefined ? 0 : performance.now() - signalledAt;
  const endedAt = signalledAt ?? performance.now();
  await waitUntil(() => programs().length === 0, 5_000);
  const teardownMs = performance.now() - endedAt;
  const leftProcesses = programs().length;
  const codes = existsSync(json) ? [...new Set(((JSON.parse(readFileSync(json, 'utf8')) as { checks?: { diagnoses: string[] }[] }).checks ?? []).flatMap((check) => check.diagnoses))].sort() : [];
  const output = { stdout: String(run.stdout ?? ''), stderr: String(run.stderr ?? '') };
  const why = [
    ...(leftProcesses > 0 ? [`expected nothing left, saw ${leftProcesses} processes: ${programs()
          .slice(0, 3)
          .map(({ commandLine }) => commandLine.slice(0, 80))
          .join(' | ')}`] : []),
    ...(entry.interrupt && teardownMs > 1_000 ? [`expected everything gone within 1000 ms of the ${entry.interrupt}, took ${teardownMs.toFixed(0)} ms`] : []),
    ...(!entry.interrupt && !entry.exit.includes(run.exitCode ?? -1) ? [`expected exit ${entry.exit.join(' or ')}, saw ${run.exitCode ?? run.signal}${run.timedOut ? ' (timed out)' : ''}: ${lastLine(output.stderr)}`] : []),
    ...(!entry.interrupt && entry.codes && !entry.codes.test(codes) ? [`expected ${entry.codes.says}, saw [${codes.join(', ')}]`] : []),
    ...(!entry.interrupt && entry.extra && !entry.extra.test(output) ? [`expected ${entry.extra.says}: not so`] : []),
  ];
  rmSync(scratch, { recursive: true, force: true });
  return { name: `${entry.sandbox ? 'sandbox' : 'plain'} ${entry.name}`, handled: why.length === 0, why, leftProcesses, peakBytes: memory.stop(), teardownMs, graderEndMs, wallMs: performance.now() - started };
}

async function main(): Promise<void> {
  const support = sandboxSupport();
  // `npm run hostile -- <words>`: only the cases whose mode and name hold them, to look at one again.
  const only = process.argv.slice(2).join(' ');
  const cases = [...plain, ...(support.available ? sandboxed : [])].filter((entry) => `${entry.sandbox ? 'sandbox' : 'plain'} ${entry.name}`.includes(only));
  const portsBefore = listeningPorts();
  // Stand-ins: the port a hard-coded server finds taken, and another student's server.
  const holders = [12361, 12362].map((port) => net.createServer((socket) => socket.destroy()).listen(port, '::'));
  const canaries = [path.join(repoRoot, 'node_modules/.lab-hostile-canary'), path.join(repoRoot, '.lab-hostile-canary')];
  for (const canary of canaries) writeFileSync(canary, 'intact\n');
  let stolen = 0;
  holders[1]?.on('connection', () => (stolen += 1));
  const outcomes: Outcome[] = [];
  try {
    // Three at a time, as the test suite does; interrupts alone, since they count a shared fixture's processes.
    const queue = cases.filter((entry) => !entry.interrupt);
    const workers = Array.from({ length: 3 }, async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) report(entry, await runCase(entry), outcomes);
    });
    await Promise.all(workers);
    for (const entry of cases.filter((c) => c.interrupt)) report(entry, await runCase(entry), outcomes);
  } finally {
    for (const holder of holders) holder.close();
  }
  const kitIntact = canaries.every((canary) => readFileSync(canary, 'utf8') === 'intact\n');
  for (const canary of canaries) rmSync(canary, { force: true });
  await waitUntil(() => existingProgramGroups().length === 0, 3_000);
  const portsLeft = [...listeningPorts()].filter((port) => !portsBefore.has(port) && port !== 12361 && port !== 12362);
  const processesLeft = processesMentioning([path.join(repoRoot, 'grader/test/fixtures'), 'b & b & sleep']).length;
  const handled = outcomes.filter((outcome) => outcome.handled).length;
  const peak = Math.max(...outcomes.map((outcome) => outcome.peakBytes));
  const longest = outcomes.reduce((a, b) => (b.teardownMs > a.teardownMs ? b : a));
  const teardown = longest.teardownMs;
  const lines = [
    '',
    `hostile submissions      ${cases.length}${support.available ? ` (${sandboxed.length} with --sandbox)` : ' (sandbox not available here: its cases not run)'}`,
    `handled as the notes say ${handled}`,
    `processes left behind    ${processesLeft}`,
    `ports left bound         ${portsLeft.length}${portsLeft.length > 0 ? ` (${portsLeft.join(', ')})` : ''}`,
    `sandbox cgroups left     ${existingProgramGroups().length}`,
    `kit canaries intact      ${kitIntact ? 'yes' : 'NO'}; connections to the other student's port: ${stolen}`,
    `grader peak memory       ${(peak / 1024 / 1024).toFixed(0)} MB (resident, the grader's own processes)`,
    `longest teardown         ${teardown.toFixed(0)} ms (grade end or signal, to nothing left: ${longest.name})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = handled === cases.length && processesLeft === 0 && portsLeft.length === 0 && kitIntact && stolen === 0 ? 0 : 1;
}

const lastLine = (text: string) => text.trim().split('\n').at(-1)?.slice(0, 160) ?? '';

function report(entry: Case, outcome: Outcome, outcomes: Outcome[]): void {
  outcomes.push(outcome);
  const mode = entry.sandbox ? 'sandbox' : 'plain  ';
  const mark = outcome.handled ? 'ok  ' : 'FAIL';
  process.stdout.write(
    `${mark} ${mode} ${entry.name.padEnd(40)} ${(outcome.wallMs / 1000).toFixed(1).padStart(5)} s  peak ${(outcome.peakBytes / 1024 / 1024).toFixed(0).padStart(4)} MB  teardown ${outcome.teardownMs.toFixed(0).padStart(4)} ms${outcome.graderEndMs > 0 ? ` (grader ended after ${outcome.graderEndMs.toFixed(0)} ms)` : ''}\n${outcome.why.map((line) => `       ${line}\n`).join('')}`,
  );
}

await main();
