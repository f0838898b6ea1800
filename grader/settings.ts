import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kitRoot } from './kit-root.ts';
import { isLang, langFromEnvironment, type Lang } from './i18n/index.ts';
import { SetupError } from './setup-error.ts';

// The course's settings, which the instructor ships in the kit's lab-settings.json so that a
// student types them nowhere: the report's language, the rubric, and the folder graded when the
// command names none. LAB_LANG and the command line (--lang, --rubric, a folder) override them.

export const settingsFileName = 'lab-settings.json';

export interface LabSettings {
  readonly lang?: Lang;
  /** kit, classic, or a rubric file (relative to the kit's folder). */
  readonly rubric?: string;
  /** The folder `npm run grade` grades without one named (relative to the kit's folder). */
  readonly folder?: string;
}

const known = ['lang', 'rubric', 'folder'];

/** The kit's settings; none where there is no file. A file that says something wrong is one line, exit status 2. */
export function readSettings(folder: string = kitRoot): LabSettings {
  const file = path.join(folder, settingsFileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const bad = (detail: string) => new SetupError({ kind: 'bad-settings', file, detail });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw bad((error as Error).message);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('not a JSON object');
  const entries = raw as Record<string, unknown>;
  const unknown = Object.keys(entries).find((key) => !known.includes(key));
  if (unknown !== undefined) throw bad(`"${unknown}" is not a setting (${known.join(', ')})`);
  for (const key of known) if (entries[key] !== undefined && typeof entries[key] !== 'string') throw bad(`"${key}" is not text`);
  const { lang, rubric, folder: graded } = entries as Record<string, string | undefined>;
  if (lang !== undefined && !isLang(lang)) throw bad(`"lang" is id or en, not "${lang}"`);
  return {
    lang: lang as Lang | undefined,
    rubric: rubric === undefined || rubric === 'kit' || rubric === 'classic' ? rubric : path.resolve(folder, rubric),
    folder: graded === undefined ? undefined : path.resolve(folder, graded),
  };
}

/** The report's language: --lang, then LAB_LANG, then the kit's setting, then the locale. */
export function chooseLang(typed: Lang | undefined, env: NodeJS.ProcessEnv, settings: LabSettings): Lang {
  if (typed !== undefined) return typed;
  const fromEnv = env.LAB_LANG?.trim();
  if (fromEnv) {
    if (!isLang(fromEnv)) throw new SetupError({ kind: 'bad-lang-env', value: fromEnv });
    return fromEnv;
  }
  return settings.lang ?? langFromEnvironment(env);
}
