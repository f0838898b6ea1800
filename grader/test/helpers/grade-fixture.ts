import path from 'node:path';
import { execa } from 'execa';
import { grade, type GradeOptions } from '../../grade.ts';
import type { GradeResult } from '../../result.ts';
import { kitRubric } from '../../rubric.ts';
import { repoRoot } from './processes.ts';

export const serverFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/servers', name);
export const clientFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/clients', name);
export const classicFixture = (name: string) => path.join(repoRoot, 'grader/test/fixtures/classic', name);

export function gradeFolder(folder: string, options: Partial<GradeOptions> = {}): Promise<GradeResult> {
  return grade({ folder, rubric: kitRubric, quick: true, ...options });
}

/** The diagnosis codes of a whole grade, as a sorted set: what an instructor counts. */
export function codesOf(result: GradeResult): string[] {
  return [...new Set(result.checks.flatMap((check) => check.diagnoses))].sort();
}

/** The command line exactly as a student types it (npm run grade -- ...), without npm's banner. */
export function runCli(args: readonly string[], env: Record<string, string> = {}) {
  return execa(process.execPath, ['--import', 'tsx', 'grader/cli.ts', ...args], {
    cwd: repoRoot,
    reject: false,
    env: { NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
}
