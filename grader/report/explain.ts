import { clientChecks } from '../client/checks/index.ts';
import { severityOf, type DiagnosisCode } from '../diagnoses.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import { examples, type CodeExample } from '../i18n/examples.ts';
import type { ProgramLanguage } from '../result.ts';
import { serverChecks } from '../server/checks/index.ts';
import { codesItCanGive } from '../server/start-failure.ts';
import { inLanguage } from './by-language.ts';
import type { Colors } from './colors.ts';

// `npm run grade -- --explain CODE`: one diagnosis code in full, in the chosen language: what it
// means, why it happens and what to do in the student's programming language, how much it
// weighs, which checks give it, and the mistake next to its fix in a few lines of code.

const languageNames: Readonly<Record<'python' | 'node', string>> = { python: 'Python', node: 'TypeScript / JavaScript' };

function exampleLines(example: CodeExample, text: Catalogue, c: Colors): string[] {
  const block = (label: string, code: string) => [`    ${c.dim(`${label}:`)}`, ...code.split('\n').map((line) => `      ${line}`)];
  return [...block(text.explain.wrong, example.wrong), ...block(text.explain.right, example.right)];
}

/** The explanation; `language` undefined (no program of the student's found) shows both languages' examples. */
export function renderExplanation(code: DiagnosisCode, text: Catalogue, language: ProgramLanguage | undefined, c: Colors): string {
  const diagnosis = text.diagnoses[code];
  const givenBy = [...serverChecks.filter((check) => codesItCanGive(check).includes(code)), ...clientChecks.filter((check) => check.codes.includes(code))].map((check) => check.id);
  const shown = language === 'python' || language === 'node' ? [language] : (['python', 'node'] as const);
  const example = examples[code];
  const lines = [
    `${c.bold(code)} · ${text.explain.severity[severityOf(code)]}`,
    `  ${diagnosis.meaning}`,
    `  ${c.dim(`${text.report.why}:`)} ${inLanguage(diagnosis.why, language)}`,
    `  ${c.cyan(`${text.report.hint}:`)} ${inLanguage(diagnosis.hint, language)}`,
    `  ${c.dim(text.explain.givenBy(givenBy.join(', ')))}`,
    '',
    ...(example ? shown.flatMap((each) => [`  ${text.explain.example(languageNames[each])}`, ...exampleLines(example[each], text, c), '']) : [`  ${text.explain.noExample}`, '']),
    c.dim(text.explain.everyCode),
  ];
  return `${lines.join('\n')}\n`;
}
