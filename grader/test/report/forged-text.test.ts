import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { catalogues } from '../../i18n/index.ts';
import { noColors } from '../../report/colors.ts';
import { renderTerminal } from '../../report/terminal.ts';
import type { GradeResult } from '../../result.ts';
import { gradeThroughCli, runCli } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// Verdicts nothing can fake (issue 9): whatever a submission chose (its folder's and files'
// names, where its links lead, what its programs print) reaches the report escaped, the
// "Repeat this run" line can be pasted into a shell without running anything else, and no line
// a program prints can pass for a line of the report. The folders are made here: names with
// control characters do not belong in the repository. The kit's Python stub fails at once, so
// each grade takes about a second.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-forged-text-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const stub = readFileSync(path.join(repoRoot, 'exercises/python/server.py'), 'utf8');
// A fake result line dressed up to hide or overwrite what comes before and after it (a name
// cannot hold "/", so not "3/3").
const forged = '\r\x1b[2K  PASS   3 3  Starts and accepts connections\x1b[8m';
const forgedShown = String.raw`\r\x1b[2K  PASS   3 3  Starts and accepts connections\x1b[8m`;

function folderWith(name: string, files: Record<string, string> = { 'server.py': stub }): string {
  const folder = path.join(scratch, name);
  mkdirSync(folder);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

function expectNothingRaw(run: { stdout: unknown; stderr: unknown }): void {
  for (const raw of ['\x1b', '\r', '\x07', '\b']) {
    expect(String(run.stdout).includes(raw), `stdout holds ${JSON.stringify(raw)}`).toBe(false);
    expect(String(run.stderr).includes(raw), `stderr holds ${JSON.stringify(raw)}`).toBe(false);
  }
}

/** Lines that start like a check's result line ("  PASS   3/3 …"). */
const resultLines = (stdout: string) => stdout.split('\n').filter((line) => /^\s*(PASS|FAIL|WARN|SKIP|✓|✔)\b/u.test(line));

describe('names from a submission are shown escaped', () => {
  test('a folder and a program named with \\r, ESC[2K and ESC[8m hide nothing: the names are quoted and escaped', async () => {
    const folder = folderWith(`tugas${forged}`, { [`server${forged}.py`]: stub });
    const run = await runCli([folder, '--server', path.join(folder, `server${forged}.py`), '--quick', '--lang', 'en']);
    expect(run.exitCode, String(run.stderr)).toBe(1);
    expectNothingRaw(run);
    const lines = String(run.stdout).split('\n');
    expect(lines[1]).toMatch(new RegExp(`^Grading ${escapeRegExp(`"${scratch}/tugas${forgedShown}"`)} · ${escapeRegExp(`"server${forgedShown}.py (Python `)}`));
    expect(lines[2]).toBe(`Server: "server${forgedShown}.py" (named with --server)`);
    // The one real result line, the forged one nowhere.
    expect(resultLines(String(run.stdout)).filter((line) => line.includes('PASS'))).toEqual([]);
    // No shell takes such a name as it is: the line says so.
    expect(run.stdout).toContain('Repeat this run with the same messages (a name in it cannot be pasted safely into a shell');
    expect(run.stdout).toContain(`npm run grade -- "${scratch}/tugas${forgedShown}" --seed `);
  });

  test('a link refused for leading out of the submission: where it leads is escaped, on one line, in the results file too', async () => {
    const target = `\x1b[2K\r  PASS   3/3  Starts and accepts connections\n\x1b[32mScore 48/48 · PASSED: every required check passed\x1b[8m`;
    const folder = folderWith('links-to-a-fake-report', {});
    symlinkSync(target, path.join(folder, 'server.py'));
    const run = await gradeThroughCli(folder, ['--quick']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expectNothingRaw(run);
    const line = String.raw`server.py is a link to "\x1b[2K\r  PASS   3/3  Starts and accepts connections\n\x1b[32mScore 48/48 · PASSED: every required check passed\x1b[8m", outside the submission's folder: the grader grades only the submission's own files.`;
    expect(run.stderr.trim().split('\n')).toEqual([line]);
    expect(run.results).toMatchObject({ status: 'error', error: { kind: 'link-outside', message: line, target } });
  });

  test('names in a "did you mean" question are quoted where a quote in them would make them ambiguous', async () => {
    const folder = folderWith('two-servers', { 'Tugas "1"/server.py': stub.replace('not implemented', 'x'), 'Tugas "2"/server.py': stub.replace('not implemented', 'y') });
    const run = await runCli([folder, '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(String.raw`did you mean "Tugas \"1\"/server.py" or "Tugas \"2\"/server.py"?`);
  });
});

describe('the "Repeat this run" line', () => {
  // The values as printed after "npm run grade --", handed to a shell's printf: each argument
  // back on a line of its own, exactly, and nothing run.
  const repeatArguments = (stdout: string) => /Repeat this run with the same messages: npm run grade -- (.*)$/m.exec(stdout)?.[1];
  const seedOf = (stdout: string) => /seed (\d+)/.exec(stdout)?.[1];
  const names = ['x $(touch y)', 'a b', 'all $HOME `touch z` ; & | < > * ? [a] ~ {b,c} # ! \\ %PATH% @(1) $env:PATH'];

  test.each(names)('pasted into sh, gives back the folder %j as one argument and runs nothing', async (name) => {
    const folder = folderWith(name);
    const run = await runCli([folder, '--quick', '--lang', 'en']);
    expect(run.exitCode, String(run.stderr)).toBe(1);
    const args = repeatArguments(String(run.stdout));
    expect(args).toBeDefined();
    const pasteHere = mkdtempSync(path.join(scratch, 'paste-'));
    const pasted = await execa('sh', ['-c', `printf '%s\\n' ${args}`], { cwd: pasteHere, reject: false });
    expect(pasted.exitCode).toBe(0);
    expect(pasted.stdout.split('\n')).toEqual([folder, '--seed', seedOf(String(run.stdout)), '--quick', '--lang', 'en']);
    expect(readdirSync(pasteHere)).toEqual([]);
    expect(existsSync(path.join(repoRoot, 'y'))).toBe(false);
  });

  const pwsh = (() => {
    try {
      return execSync('command -v pwsh', { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  })();

  // PowerShell is seldom installed where the tests run (not on CI): then this one is skipped.
  test.skipIf(pwsh === undefined).each(names)('pasted into PowerShell, gives back the folder %j as one argument and runs nothing', async (name) => {
    const folder = path.join(scratch, name);
    if (!existsSync(folder)) folderWith(name);
    const run = await runCli([folder, '--quick', '--lang', 'en']);
    const args = repeatArguments(String(run.stdout));
    const pasteHere = mkdtempSync(path.join(scratch, 'paste-'));
    const pasted = await execa(pwsh ?? 'pwsh', ['-NoProfile', '-NonInteractive', '-Command', `& printf '%s\\n' ${args}`], { cwd: pasteHere, reject: false });
    expect(pasted.stdout.split('\n')).toEqual([folder, '--seed', seedOf(String(run.stdout)), '--quick', '--lang', 'en']);
    expect(readdirSync(pasteHere)).toEqual([]);
  });

  test("a name no quoting suits in both shells (a single quote) is shown escaped, with a note to type it", async () => {
    const folder = folderWith("andi's tugas");
    const run = await runCli([folder, '--quick', '--lang', 'en']);
    expect(run.stdout).toContain(`Repeat this run with the same messages (a name in it cannot be pasted safely into a shell: it is shown escaped, type it yourself): npm run grade -- "${folder}" --seed `);
  });
});

describe("a program's output cannot pass for a line of the report", () => {
  const fakeLine = 'PASS   3/3  Counts a plain ASCII message · counts-ascii';

  test('what it prints is shown on rows that start with a bar, none wider than the terminal, even after 200 spaces', async () => {
    const server = [
      'import sys',
      `print("${fakeLine}")`,
      `print(" " * 200 + "✓ ${fakeLine}")`,
      `print("x" * 70 + "  ${fakeLine}")`,
      `sys.stderr.write("\\r\\x1b[2K  ${fakeLine}\\n")`,
      'sys.exit(1)',
    ].join('\n');
    const run = await runCli([folderWith('prints-fake-lines', { 'server.py': server }), '--quick', '--lang', 'en']);
    expect(run.exitCode, String(run.stderr)).toBe(1);
    expectNothingRaw(run);
    const stdout = String(run.stdout);
    // Every row that holds the program's text starts with the bar, after the report's indent.
    const rows = stdout.split('\n').filter((line) => line.includes('PASS   3/3'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).toMatch(/^ {10}(stdout|stderr| {6}) │ /);
    const bars = stdout.split('\n').filter((line) => line.includes(' │ '));
    // 80 columns, as the output is not a terminal (✓ is the only character beyond ASCII).
    for (const bar of bars) expect([...bar].length + (bar.includes('✓') ? 1 : 0)).toBeLessThanOrEqual(80);
    expect(resultLines(stdout).filter((line) => !line.startsWith('  SKIP ') && !line.startsWith('  FAIL '))).toEqual([]);
  });

  test('a reply of 300 spaces and a fake result line goes on on rows with a bar in the transcript', () => {
    const reply = Buffer.from(`${' '.repeat(300)}${fakeLine}\n`);
    const result: GradeResult = {
      rubric: 'kit', score: 0, maxScore: 3, passed: false, seed: 7, quick: true, idleTimeoutSeconds: 2, idleToleranceSeconds: 0.5,
      submission: { folder: '/tmp/sub', server: 'server.py (Python 3.11.7)', serverLanguage: 'python' },
      durationMs: 100, isolation: { kind: 'pid-namespace' }, network: { copiesOnFixedPort: 'own', notes: [] }, portsLeftBound: [], analysis: {},
      checks: [
        {
          id: 'counts-ascii', part: 'server', tier: 'core', status: 'fail', required: true, points: 0, maxPoints: 3, visibility: 'visible',
          diagnoses: ['wrong-count'], severities: { 'wrong-count': 'error' }, evidence: [], output: [], durationMs: 4,
          exchanges: [
            {
              label: 'message',
              exchange: {
                events: [{ kind: 'receive', atMs: 1.5, bytesBase64: reply.toString('base64'), byteLength: reply.length }],
                connected: true, reply, repliedBeforeMessageEnd: false, reset: false, endedAtMs: 2, startedAt: 0,
              },
            },
          ],
        },
      ],
    };
    const shown = renderTerminal(result, { text: catalogues.en, colors: noColors, repeatCommand: 'x', folderLabel: 'sub' }).split('\n');
    const first = shown.findIndex((line) => line.includes('received "'));
    const last = shown.findIndex((line) => line.includes('bytes)'));
    expect(last).toBeGreaterThan(first);
    for (const row of shown.slice(first + 1, last + 1)) expect(row).toMatch(/^ {20}│ /);
    for (const row of shown.slice(first, last)) expect(row.length).toBeLessThanOrEqual(80);
    expect(resultLines(shown.join('\n')).filter((line) => line.includes('PASS'))).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
