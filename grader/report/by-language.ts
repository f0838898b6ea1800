import type { ByLanguage } from '../i18n/catalogue.ts';
import type { ProgramLanguage } from '../result.ts';

/** The text for the program's language; both, each named, for a program of unknown language. */
export function inLanguage(text: ByLanguage, language: ProgramLanguage | undefined): string {
  if (typeof text === 'string') return text;
  if (language === 'python') return text.python;
  if (language === 'node') return text.node;
  return `Python: ${text.python} · Node (TypeScript, JavaScript): ${text.node}`;
}
