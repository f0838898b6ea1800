import { cpSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalogues, isLang, type Lang } from '../grader/i18n/index.ts';
import { setupLine } from '../grader/report/setup-line.ts';
import { builtInRubrics } from '../grader/rubric.ts';
import { loadRubric } from '../grader/rubric-file.ts';
import { readSettings } from '../grader/settings.ts';
import { SetupError } from '../grader/setup-error.ts';

// What the instructor's packaging scripts (package:gradescope, kit:student) share: the course's
// rubric and report language, checked as the grader checks them, and anything wrong as one line
// and exit status 2. Where the command does not name them, the kit's own lab-settings.json
// does, as it does for `npm run grade`; the language is Bahasa Indonesia otherwise.

export const kitRoot = path.resolve(import.meta.dirname, '..');
/** Where the instructor typed the command (npm runs scripts from the kit's folder). */
export const invokedFrom = process.env.INIT_CWD ?? process.cwd();

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** A built-in rubric, by name, or a rubric file. */
export type CourseRubric = { readonly name: string } | { readonly file: string };

export interface CourseArgs {
  readonly values: Record<string, string | undefined> & { readonly lang: Lang };
  readonly positionals: readonly string[];
  readonly rubric?: CourseRubric;
}

function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    fail(error instanceof SetupError ? setupLine(catalogues.en, error.problem) : String(error));
  }
}

/** `nameOrFile` as --rubric takes it, checked; a file relative to `cwd`. */
function courseRubric(nameOrFile: string, cwd: string): CourseRubric {
  checked(() => loadRubric(nameOrFile, cwd));
  return builtInRubrics[nameOrFile] ? { name: nameOrFile } : { file: path.resolve(cwd, nameOrFile) };
}

/** `--rubric FILE|kit|classic` and `--lang id|en`, besides the script's own string options. */
export function parseCourseArgs(own: Record<string, { type: 'string'; default?: string }>, allowPositionals = false): CourseArgs {
  let parsed;
  try {
    const options: ParseArgsConfig['options'] = { rubric: { type: 'string' }, lang: { type: 'string' }, ...own };
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals, options });
  } catch (error) {
    fail((error as Error).message);
  }
  const values = parsed.values as Record<string, string | undefined>;
  const settings = checked(() => readSettings(kitRoot));
  const lang = values.lang ?? settings.lang ?? 'id';
  if (!isLang(lang)) fail(`--lang is id or en, not "${lang}".`);
  const rubric =
    values.rubric !== undefined ? courseRubric(values.rubric, invokedFrom) : settings.rubric !== undefined ? courseRubric(settings.rubric, kitRoot) : undefined;
  return { values: { ...values, lang }, positionals: parsed.positionals, ...(rubric ? { rubric } : {}) };
}

/**
 * What a packaged grader passes to --rubric, from the folder it runs in: a built-in rubric's
 * name, or rubric.json, a copy of the course's rubric file written into `folder`.
 */
export function packRubric(rubric: CourseRubric, folder: string): string {
  if ('name' in rubric) return rubric.name;
  cpSync(rubric.file, path.join(folder, 'rubric.json'));
  return 'rubric.json';
}
