import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { isLang } from '../grader/i18n/index.ts';
import { loadRubric } from '../grader/rubric-file.ts';
import { SetupError } from '../grader/setup-error.ts';

// `npm run package:gradescope -- [--rubric FILE] [--lang id|en] [--out FILE]`: the autograder.zip
// to upload to Gradescope: setup.sh and run_autograder at its root (gradescope/), and the kit's
// grader with its package files beside them, without its tests, solutions or exercises; the
// course's rubric file and report language if given. Zipped with Python's zipfile, which keeps
// run_autograder executable (the kit needs Python 3 anyway).

const root = path.resolve(import.meta.dirname, '..');
const cwd = process.env.INIT_CWD ?? process.cwd();

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ args: process.argv.slice(2), options: { rubric: { type: 'string' }, lang: { type: 'string', default: 'id' }, out: { type: 'string', default: 'autograder.zip' } } }));
} catch (error) {
  fail((error as Error).message);
}
if (!isLang(values.lang)) fail(`--lang is id or en, not "${values.lang}".`);
if (values.rubric !== undefined) {
  try {
    loadRubric(values.rubric, cwd);
  } catch (error) {
    fail(error instanceof SetupError ? `The rubric file cannot be used: ${JSON.stringify(error.problem)}` : String(error));
  }
}
const out = path.resolve(cwd, values.out);
const staging = mkdtempSync(path.join(tmpdir(), 'lab-gradescope-'));
try {
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(root, file), path.join(staging, file));
  cpSync(path.join(root, 'grader'), path.join(staging, 'grader'), { recursive: true, filter: (source) => !source.startsWith(path.join(root, 'grader', 'test')) });
  for (const file of ['setup.sh', 'run_autograder']) {
    cpSync(path.join(root, 'gradescope', file), path.join(staging, file));
    chmodSync(path.join(staging, file), 0o755);
  }
  if (values.rubric !== undefined) cpSync(path.resolve(cwd, values.rubric), path.join(staging, 'rubric.json'));
  writeFileSync(path.join(staging, 'lang'), `${values.lang}\n`);
  if (existsSync(out)) rmSync(out);
  const entries = ['setup.sh', 'run_autograder', 'package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'lang', ...(values.rubric === undefined ? [] : ['rubric.json'])];
  await execa('python3', ['-m', 'zipfile', '-c', out, ...entries], { cwd: staging });
  process.stdout.write(`${out}: upload it as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload).\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
