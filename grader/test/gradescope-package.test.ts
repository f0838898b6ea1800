import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkedKitCopy } from './helpers/kit-copy.ts';
import { repoRoot } from './helpers/processes.ts';

// npm run package:gradescope builds autograder.zip; here its run_autograder runs as Gradescope
// would run it, against a simulated /autograder tree (AUTOGRADER_ROOT): the kit unpacked in
// source/ (its packages linked in, as setup.sh would install them), a student's files in
// submission/. Every results.json must be valid against the schema written from Gradescope's
// specification, and right: the solutions get every point, a faulty server does not, and a
// submission with nothing to grade still gets a results.json saying why. The course's rubric
// and language come from the command, or else from the kit's lab-settings.json.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-gradescope-'));
const source = path.join(scratch, 'source');
const classicSource = path.join(scratch, 'source-classic');
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'grader/test/schemas/gradescope-results.schema.json'), 'utf8'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Builds autograder.zip with `args` from the kit in `kit`, and unpacks it into `into`, its packages linked in. */
async function buildAndUnpack(name: string, args: readonly string[], into: string, kit = repoRoot): Promise<void> {
  const zip = path.join(scratch, name);
  const built = await execa(process.execPath, ['--import', 'tsx', 'scripts/package-gradescope.ts', '--out', zip, ...args], { cwd: kit, reject: false, env: { INIT_CWD: kit } });
  expect(built.exitCode, String(built.stderr)).toBe(0);
  await execa('python3', ['-m', 'zipfile', '-e', zip, into]);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(into, 'node_modules'));
}

beforeAll(() => Promise.all([buildAndUnpack('autograder.zip', ['--lang', 'en'], source), buildAndUnpack('classic.zip', ['--lang', 'en', '--rubric', 'classic'], classicSource)]), 60_000);

async function runAutograder(name: string, submission: string | undefined, unpacked = source) {
  const root = path.join(scratch, name);
  mkdirSync(path.join(root, 'submission'), { recursive: true });
  symlinkSync(unpacked, path.join(root, 'source'));
  if (submission) cpSync(submission, path.join(root, 'submission'), { recursive: true });
  const run = await execa('bash', [path.join(root, 'source', 'run_autograder')], { env: { AUTOGRADER_ROOT: root }, reject: false, timeout: 120_000 });
  const results = JSON.parse(readFileSync(path.join(root, 'results', 'results.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true });
  expect(ajv.validate(schema, results), ajv.errorsText(ajv.errors)).toBe(true);
  return { run, results: results as { score: number; output: string; tests: { score: number; max_score: number; tags: string[] }[] } };
}

describe.concurrent('the Gradescope autograder', () => {
  test('the zip holds setup.sh and an executable run_autograder at its root, and no tests', async () => {
    const listing = await execa('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(oct(z.getinfo("run_autograder").external_attr >> 16)); print("\\n".join(z.namelist()))', path.join(scratch, 'autograder.zip')]);
    const [mode, ...names] = String(listing.stdout).split('\n');
    expect(mode).toBe('0o100755');
    expect(names).toEqual(expect.arrayContaining(['setup.sh', 'run_autograder', 'package.json', 'grader/cli.ts', 'lang', 'rubric']));
    expect(names.filter((name) => name.startsWith('grader/test') || name.startsWith('solutions'))).toEqual([]);
  });

  test('the Python solutions get every point', async () => {
    const { run, results } = await runAutograder('solutions', path.join(repoRoot, 'solutions/python'));
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const max = results.tests.reduce((sum, t) => sum + t.max_score, 0);
    expect(results.score).toBe(max);
    expect(results.output).toContain('PASSED');
  });

  test('a server that strips the message loses the points of what it got wrong, with the code as a tag', async () => {
    const { run, results } = await runAutograder('faulty', path.join(repoRoot, 'grader/test/fixtures/fakes/strips-message'));
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(results.score).toBeLessThan(results.tests.reduce((sum, t) => sum + t.max_score, 0));
    expect(results.tests.flatMap((t) => t.tags)).toContain('counts-stripped');
  });

  test('a built-in rubric named on the command line is the one the submissions are graded by', async () => {
    expect(readFileSync(path.join(classicSource, 'rubric'), 'utf8').trim()).toBe('classic');
    const { run, results } = await runAutograder('classic', path.join(repoRoot, 'grader/test/fixtures/fakes/strips-message'), classicSource);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(results.output).toContain('rubric classic');
    expect(results.tests.flatMap((t) => t.tags)).toContain('counts-stripped');
  });

  test("without --lang and --rubric, the kit's lab-settings.json gives them", async () => {
    const kit = linkedKitCopy(path.join(scratch, 'kit'), ['package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'gradescope', 'scripts']);
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(kit, 'node_modules'));
    writeFileSync(path.join(kit, 'lab-settings.json'), JSON.stringify({ lang: 'en', rubric: 'classic' }));
    const unpacked = path.join(scratch, 'source-settings');
    await buildAndUnpack('settings.zip', [], unpacked, kit);
    expect(readFileSync(path.join(unpacked, 'lang'), 'utf8').trim()).toBe('en');
    expect(readFileSync(path.join(unpacked, 'rubric'), 'utf8').trim()).toBe('classic');
  });

  test('a submission with nothing to grade gets no points and the reason', async () => {
    const { run, results } = await runAutograder('empty', undefined);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(results).toMatchObject({ score: 0, tests: [] });
    expect(results.output).toContain('Nothing to grade');
  });
});
