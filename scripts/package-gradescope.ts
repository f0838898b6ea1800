import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { invokedFrom, kitRoot, packRubric, parseCourseArgs } from './course-options.ts';

// `npm run package:gradescope -- [--rubric FILE|kit|classic] [--lang id|en] [--out FILE]`: the
// autograder.zip to upload to Gradescope: setup.sh and run_autograder at its root (gradescope/),
// and the kit's grader with its package files beside them, without its tests, solutions or
// exercises; the course's report language (file `lang`) and rubric (file `rubric`: a built-in
// rubric's name, or rubric.json and the file itself). Zipped with Python's zipfile, which keeps
// run_autograder executable (the kit needs Python 3 anyway).

const { values, rubric } = parseCourseArgs({ out: { type: 'string', default: 'autograder.zip' } });
const out = path.resolve(invokedFrom, values.out ?? 'autograder.zip');
const staging = mkdtempSync(path.join(tmpdir(), 'lab-gradescope-'));
try {
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) cpSync(path.join(kitRoot, file), path.join(staging, file));
  cpSync(path.join(kitRoot, 'grader'), path.join(staging, 'grader'), { recursive: true, filter: (source) => !source.startsWith(path.join(kitRoot, 'grader', 'test')) });
  for (const file of ['setup.sh', 'run_autograder']) {
    cpSync(path.join(kitRoot, 'gradescope', file), path.join(staging, file));
    chmodSync(path.join(staging, file), 0o755);
  }
  const rubricArg = rubric === undefined ? 'kit' : packRubric(rubric, staging);
  writeFileSync(path.join(staging, 'rubric'), `${rubricArg}\n`);
  writeFileSync(path.join(staging, 'lang'), `${values.lang}\n`);
  if (existsSync(out)) rmSync(out);
  const entries = ['setup.sh', 'run_autograder', 'package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'lang', 'rubric', ...(rubricArg === 'rubric.json' ? ['rubric.json'] : [])];
  await execa('python3', ['-m', 'zipfile', '-c', out, ...entries], { cwd: staging });
  process.stdout.write(`${out}: upload it as the assignment's autograder (Gradescope: Configure Autograder, Zip file upload).\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
