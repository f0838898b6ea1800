import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { catalogues, isLang, type Lang } from '../grader/i18n/index.ts';
import { setupLine } from '../grader/report/setup-line.ts';
import { loadRubric } from '../grader/rubric-file.ts';
import { SetupError } from '../grader/setup-error.ts';

// What the instructor's packaging scripts (package:gradescope, kit:student) share: the course's
// rubric file and report language, checked as the grader checks them, and anything wrong as one
// line and exit status 2.

export const kitRoot = path.resolve(import.meta.dirname, '..');
/** Where the instructor typed the command (npm runs scripts from the kit's folder). */
export const invokedFrom = process.env.INIT_CWD ?? process.cwd();

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

export interface CourseArgs {
  readonly values: Record<string, string | undefined> & { readonly lang: Lang };
  readonly positionals: readonly string[];
}

/** `--rubric FILE` and `--lang id|en` (default id), besides the script's own string options. */
export function parseCourseArgs(own: Record<string, { type: 'string'; default?: string }>, allowPositionals = false): CourseArgs {
  let parsed;
  try {
    const options: ParseArgsConfig['options'] = { rubric: { type: 'string' }, lang: { type: 'string', default: 'id' }, ...own };
    parsed = parseArgs({ args: process.argv.slice(2), allowPositionals, options });
  } catch (error) {
    fail((error as Error).message);
  }
  const values = parsed.values as Record<string, string | undefined>;
  const lang = values.lang ?? 'id';
  if (!isLang(lang)) fail(`--lang is id or en, not "${lang}".`);
  if (values.rubric !== undefined) {
    try {
      loadRubric(values.rubric, invokedFrom);
    } catch (error) {
      fail(error instanceof SetupError ? setupLine(catalogues.en, error.problem) : String(error));
    }
  }
  return { values: { ...values, lang }, positionals: parsed.positionals };
}
