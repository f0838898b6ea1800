import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { grade, type GradeOptions } from '../../grade.ts';
import type { GradeResult } from '../../result.ts';
import { kitRubric } from '../../rubric.ts';
import { repoRoot } from './processes.ts';

export const serverFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/servers', name);
export const clientFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/clients', name);
export const classicFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/classic', name);
export const labReportFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/lab-report', name);

export function gradeFolder(folder: string, options: Partial<GradeOptions> = {}): Promise<GradeResult> {
  return grade({ folder, rubric: kitRubric, quick: true, ...options });
}

/** The diagnosis codes of a whole grade, as a sorted set: what an instructor counts. */
export function codesOf(result: GradeResult): string[] {
  return [...new Set(result.checks.flatMap((check) => check.diagnoses))].sort();
}

/** The command line exactly as a student types it (npm run grade -- ...), without npm's banner. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 120_000) {
  return execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: repoRoot,
    reject: false,
    env: { NO_COLOR: '1', ...env },
    timeout: timeoutMs,
  });
}

export interface CliGrade {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  /** The results file (--json), as an instructor's script reads it. */
  readonly results?: { readonly passed: boolean; readonly checks: { id: string; part: string; status: string; diagnoses: string[]; skipReason?: string }[]; readonly network?: { notes: { kind: string }[] } };
  /** The diagnosis codes of the whole grade, sorted. */
  readonly codes: string[];
}

/** A grade exactly as a student or instructor runs it: the command line, with --json and --lang en. */
export async function gradeThroughCli(folder: string, args: readonly string[] = [], env: Record<string, string> = {}, timeoutMs?: number): Promise<CliGrade> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lab-grade-'));
  try {
    const json = path.join(dir, 'results.json');
    const run = await runCli([folder, '--json', json, '--lang', 'en', ...args], env, timeoutMs);
    const results = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as CliGrade['results']) : undefined;
    // A run that could not grade (exit status 2) has a results file without checks.
    const codes = [...new Set(results?.checks?.flatMap((check) => check.diagnoses) ?? [])].sort();
    return { exitCode: run.exitCode, stdout: String(run.stdout), stderr: String(run.stderr), results, codes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
