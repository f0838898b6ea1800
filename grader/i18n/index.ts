import type { Catalogue } from './catalogue.ts';
import { en } from './en.ts';
import { id } from './id.ts';

export type Lang = 'id' | 'en';

export const catalogues: Record<Lang, Catalogue> = { en, id };

export function isLang(value: string): value is Lang {
  return value === 'id' || value === 'en';
}

/** The locale's language: id* is Bahasa Indonesia, anything else English (the last word after --lang, LAB_LANG and the kit's setting: settings.ts). */
export function langFromEnvironment(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || Intl.DateTimeFormat().resolvedOptions().locale;
  return locale.toLowerCase().startsWith('id') ? 'id' : 'en';
}
