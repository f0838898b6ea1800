import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { invokedFrom, kitRoot, parseCourseArgs } from './course-options.ts';

// `npm run package:gradescope -- [--rubric FILE] [--lang id|en] [--out FILE]`: the autograder.zip
// to upload to Gradescope: setup.sh and run_autograder at its root (gradescope/), and the kit's
// grader with its package files beside them, without its tests, solutions or exercises; the
// course's rubric file and report language if given. Zipped with Python's zipfile, which keeps
// run_autograder executable (the kit needs Python 3 anyway).

const { values } = parseCourseArgs({ out: { type: 'string', default: 'autograder.zip' } });
const out = path.resolve(invokedFrom, values.out ?? 'autograder.zip');
const staging = mkdtempSync(path.join(tmpdir(), 'lab-gradescope-'));
try {
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(kitRoot, file), path.join(staging, file));
  cpSync(path.join(kitRoot, 'grader'), path.join(staging, 'grader'), { recursive: true, filter: (source) => !source.startsWith(path.join(kitRoot, 'grader', 'test')) });
  for (const file of ['setup.sh', 'run_autograder']) {
    cpSync(path.join(kitRoot, 'gradescope', file), path.join(staging, file));
    chmodSync(path.join(staging, file), 0o755);
  }
  if (values.rubric !== undefined) cpSync(path.resolve(invokedFrom, values.rubric), path.join(staging, 'rubric.json'));
  writeFileSync(path.join(staging, 'lang'), `${values.lang}\n`);
  if (existsSync(out)) rmSync(out);
  const entries = ['setup.sh', 'run_autograder', 'package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'lang', ...(values.rubric === undefined ? [] : ['rubric.json'])];
  await execa('python3', ['-m', 'zipfile', '-c', out, ...entries], { cwd: staging });
  process.stdout.write(`${out}: upload it as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload).\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
