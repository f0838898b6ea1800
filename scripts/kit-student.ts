import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fail, invokedFrom, kitRoot, packRubric, parseCourseArgs } from './course-options.ts';

// `npm run kit:student -- <folder> [--rubric FILE|kit|classic] [--lang id|en] [--track typescript|python]`:
// what students get, ready to be a GitHub Classroom template repository or a zip on Moodle: the
// stubs, the handouts, the protocol and the catalogue of checks, and the grader, without the
// reference solutions, the grader's tests and fixtures, or the instructor's guide. The
// package files are the kit's own (so that `npm ci` installs exactly what the kit was tested
// with); only the scripts a student uses are kept. The course's rubric and language go into
// the workflow and into the README's commands.

const { values, positionals, rubric } = parseCourseArgs({ track: { type: 'string', default: 'typescript' } }, true);
const [target] = positionals;
if (target === undefined || positionals.length > 1) fail('Usage: npm run kit:student -- <folder> [--rubric FILE|kit|classic] [--lang id|en] [--track typescript|python]');
if (values.track !== 'typescript' && values.track !== 'python') fail(`--track is typescript or python, not "${values.track}".`);
const out = path.resolve(invokedFrom, target);
if (existsSync(out) && readdirSync(out).length > 0) fail(`${out} is not empty: the student kit goes into a new folder.`);
mkdirSync(out, { recursive: true });

const folder = values.track === 'python' ? 'exercises/python' : 'exercises';

const copy = (from: string, to = from, filter?: (source: string) => boolean) => cpSync(path.join(kitRoot, from), path.join(out, to), { recursive: true, ...(filter ? { filter } : {}) });
copy('grader', 'grader', (source) => !source.startsWith(path.join(kitRoot, 'grader', 'test')));
copy('exercises');
for (const doc of ['handout.id.md', 'handout.en.md', 'protocol.md', 'checks.md']) copy(path.join('docs', doc));
copy('package-lock.json');
copy('tsconfig.json');
const rubricArg = rubric && packRubric(rubric, out);

const kitPackage = JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const studentScripts = Object.fromEntries(Object.entries(kitPackage.scripts).filter(([name]) => ['grade', 'server', 'client', 'typecheck'].includes(name)));
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ ...kitPackage, scripts: studentScripts }, null, 2)}\n`);

const workflow = readFileSync(path.join(kitRoot, 'github-classroom', 'classroom.yml'), 'utf8')
  .replace('LAB_FOLDER: exercises', `LAB_FOLDER: ${folder}`)
  .replace('npm run --silent grade -- "$LAB_FOLDER"', `npm run --silent grade -- "$LAB_FOLDER"${rubricArg === undefined ? '' : ` --rubric ${rubricArg}`} --lang ${values.lang}`);
mkdirSync(path.join(out, '.github', 'workflows'), { recursive: true });
writeFileSync(path.join(out, '.github', 'workflows', 'classroom.yml'), workflow);
writeFileSync(path.join(out, '.gitignore'), 'node_modules/\n');
// The course's settings: `npm run grade`, typed in the kit's folder, grades the track's folder
// with the course's rubric, in the course's language; nothing to type.
const settings = { lang: values.lang, ...(rubricArg === undefined ? {} : { rubric: rubricArg }), folder };
writeFileSync(path.join(out, 'lab-settings.json'), `${JSON.stringify(settings, null, 2)}\n`);

const readme = {
  id: `# Praktikum "Client–Server (single thread)"

Petunjuk praktikum: [docs/handout.id.md](docs/handout.id.md) (English: [docs/handout.en.md](docs/handout.en.md)).

\`\`\`bash
npm install                 # sekali saja
npm run grade -- --quick    # cek cepat selama mengerjakan
npm run grade               # penilaian penuh, sebelum mengumpulkan
\`\`\`

Kerjakan di \`${folder}/\`. Laporan menyebutkan setiap pemeriksaan yang gagal: apa yang dikirim, apa yang kembali, mengapa, dan apa yang harus dilakukan. Semua kode diagnosis: [docs/checks.md](docs/checks.md); protokolnya: [docs/protocol.md](docs/protocol.md).
`,
  en: `# Lab "Client–Server (single thread)"

The handout: [docs/handout.en.md](docs/handout.en.md) (Bahasa Indonesia: [docs/handout.id.md](docs/handout.id.md)).

\`\`\`bash
npm install                 # once
npm run grade -- --quick    # a quick check while you work
npm run grade               # the full grade, before you hand in
\`\`\`

Work in \`${folder}/\`. The report names every check that failed: what was sent, what came back, why, and what to do. Every diagnosis code: [docs/checks.md](docs/checks.md); the protocol: [docs/protocol.md](docs/protocol.md).
`,
};
writeFileSync(path.join(out, 'README.md'), readme[values.lang].replace(/ {2,}#/g, '   #'));
process.stdout.write(`${out}: the student kit (${values.track}, ${values.lang}${rubricArg === undefined ? '' : `, rubric ${rubricArg}`}). Make it a template repository, or zip it for your students.\n`);
