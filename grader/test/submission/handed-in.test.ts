import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// Submissions as students hand them in (issue 8): Server.py, serverno1.py, tugas1.py, a Server
// with no extension, a sub-folder, the kit's stub left next to the student's program. Each is
// graded once through the real command line, and the test reads what the user reads: the exit
// status, the line that says which program was chosen and why, and the results file.

const handedInRoot = path.join(repoRoot, 'grader/test/fixtures/handed-in');
const handedIn = (name: string) => path.join(handedInRoot, name);

interface Results {
  readonly status: string;
  readonly passed: boolean;
  readonly score: number;
  readonly submission?: { readonly server?: string; readonly client?: string; readonly discovery?: unknown };
  readonly checks?: readonly { readonly id: string; readonly status: string }[];
  readonly error?: { readonly kind: string; readonly message: string; readonly [key: string]: unknown };
}

async function gradeHandedIn(args: readonly string[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-handed-in-'));
  try {
    const json = path.join(dir, 'results.json');
    const run = await runCli([...args, '--quick', '--lang', 'en', '--json', json], env);
    const results = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Results) : undefined;
    return { exitCode: run.exitCode, stdout: String(run.stdout), stderr: String(run.stderr), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const serverCalls = { key: 'calls', calls: ['bind', 'listen', 'accept'] };
const clientCalls = { key: 'calls', calls: ['connect'] };
const says = (word: string) => ({ key: 'name-says', word });

const cases: {
  readonly fixture: string;
  readonly lines: readonly string[];
  readonly discovery: Record<string, unknown>;
}[] = [
  {
    fixture: 'capitalised',
    lines: ['Server: Server.py (its name says server; it calls bind, listen and accept)', 'Client: Client.py (its name says client; it calls connect)'],
    discovery: { server: { file: 'Server.py', reasons: [says('server'), serverCalls] }, client: { file: 'Client.py', reasons: [says('client'), clientCalls] } },
  },
  {
    fixture: 'numbered',
    lines: ['Server: serverno1.py (its name says server; it calls bind, listen and accept)'],
    discovery: { server: { file: 'serverno1.py', reasons: [says('server'), serverCalls] } },
  },
  {
    fixture: 'assignment-name',
    lines: ['Server: tugas1.py (it calls bind, listen and accept)', 'Client: pengirim.py (it calls connect)'],
    discovery: { server: { file: 'tugas1.py', reasons: [serverCalls] }, client: { file: 'pengirim.py', reasons: [clientCalls] } },
  },
  {
    fixture: 'no-extension-shebang',
    lines: ['Server: Server (its name says server; it calls bind, listen and accept; Python, going by its #! line)'],
    discovery: { server: { file: 'Server', reasons: [says('server'), serverCalls, { key: 'language', language: 'python', from: 'shebang' }] } },
  },
  {
    fixture: 'no-extension',
    lines: ['Server: Server (its name says server; it calls bind, listen and accept; Python, going by its code)'],
    discovery: { server: { file: 'Server', reasons: [says('server'), serverCalls, { key: 'language', language: 'python', from: 'content' }] } },
  },
  {
    fixture: 'socket-suffix',
    lines: ['Server: server_socket.py (its name says server; it calls bind, listen and accept)'],
    discovery: { server: { file: 'server_socket.py', reasons: [says('server'), serverCalls] } },
  },
  {
    fixture: 'sub-folder',
    lines: ['Server: Tugas 1/server.py (its name says server; it calls bind, listen and accept)', 'Client: Tugas 1/client.py (its name says client; it calls connect)'],
    discovery: {
      server: { file: 'Tugas 1/server.py', reasons: [says('server'), serverCalls] },
      client: { file: 'Tugas 1/client.py', reasons: [says('client'), clientCalls] },
    },
  },
  {
    fixture: 'beside-stub',
    lines: ["Server: server.py (its name says server; it calls bind, listen and accept; preferred to the kit's unfinished stub server.ts)"],
    discovery: { server: { file: 'server.py', reasons: [says('server'), serverCalls, { key: 'over-stub', stubs: ['server.ts'] }] } },
  },
];

describe.concurrent('a submission as it was handed in', () => {
  test.each(cases)('$fixture: the grader says which program it chose and why, and grades it', async ({ fixture, lines, discovery }) => {
    const run = await gradeHandedIn([handedIn(fixture)]);
    // Graded (the classic student programs fail required checks): not "Nothing to grade", not exit 2.
    expect(run.exitCode, run.stderr).toBe(1);
    const shown = run.stdout.split('\n');
    // Right under the "Grading" line, one line per part, in that order.
    const grading = shown.findIndex((line) => line.startsWith('Grading '));
    expect(shown.slice(grading + 1, grading + 1 + lines.length)).toEqual(lines);
    expect(run.results?.status).toBe('graded');
    expect(run.results?.submission?.discovery).toEqual(discovery);
    // The program chosen is the one that ran: it listened, or it printed the grader's reply.
    const checks = new Map(run.results?.checks?.map((check) => [check.id, check.status]));
    expect(checks.get('starts-listening')).toBe('pass');
    if ('client' in discovery) expect(checks.get('client-prints-reply')).toBe('pass');
    else expect(checks.has('client-prints-reply')).toBe(false);
  });

  test('two equally likely servers: one "did you mean" line, exit status 2, and a results file that says why', async () => {
    const run = await gradeHandedIn([handedIn('ambiguous')]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('did you mean server1.py or server2.py?');
    expect(run.stderr).toContain('name one with --server FILE');
    expect(run.results).toEqual({
      status: 'error',
      error: { kind: 'ambiguous-program', message: run.stderr.trim(), path: handedIn('ambiguous'), part: 'server', candidates: ['server1.py', 'server2.py'] },
      passed: false,
      score: 0,
    });
    // In the language the user chose.
    const inIndonesian = await runCli([handedIn('ambiguous'), '--lang', 'id']);
    expect(inIndonesian.stderr).toContain('maksud Anda server1.py atau server2.py?');
  });

  test('--server and --client name the programs, relative to where the command was typed; the folder is theirs', async () => {
    // As if typed in the fixtures' folder: npm passes that folder in INIT_CWD.
    const run = await gradeHandedIn(['--server', 'ambiguous/server2.py', '--client', 'ambiguous/klien.py'], { INIT_CWD: handedInRoot });
    expect(run.exitCode, run.stderr).toBe(1);
    expect(run.stdout).toContain('Grading ambiguous · server2.py (Python');
    expect(run.stdout).toContain('\nServer: server2.py (named with --server)\nClient: klien.py (named with --client)\n');
    expect(run.stdout).toMatch(/Repeat this run .*--server ambiguous\/server2\.py --client ambiguous\/klien\.py/);
    expect(run.results?.submission?.discovery).toEqual({
      server: { file: 'server2.py', reasons: [{ key: 'named', option: '--server' }] },
      client: { file: 'klien.py', reasons: [{ key: 'named', option: '--client' }] },
    });
    expect(run.results?.checks?.find((check) => check.id === 'starts-listening')?.status).toBe('pass');
  });

  test('any other exit status 2 with --json still writes the results file: a mistake in the options, a missing file', async () => {
    const badSeed = await gradeHandedIn([handedIn('numbered'), '--seed', 'abc']);
    expect(badSeed.exitCode).toBe(2);
    expect(badSeed.results).toMatchObject({ status: 'error', passed: false, score: 0, error: { kind: 'bad-number', option: '--seed', message: badSeed.stderr.trim() } });
    const missing = await gradeHandedIn(['--server', handedIn('numbered/server.py')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim()).toBe(`No such file for --server: ${handedIn('numbered/server.py')}`);
    expect(missing.results).toMatchObject({ status: 'error', passed: false, score: 0, error: { kind: 'no-such-file', message: missing.stderr.trim() } });
  });
});
