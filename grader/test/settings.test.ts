import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { catalogues } from '../i18n/index.ts';
import { setupLine } from '../report/setup-line.ts';
import { chooseLang, readSettings, settingsFileName } from '../settings.ts';
import { SetupError } from '../setup-error.ts';

// lab-settings.json, the settings an instructor ships in the kit (the CLI's own use of the
// kit's file is in cli.test.ts): what it may say, and the one line a mistake in it gives.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-settings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function kitWith(content: string | undefined): string {
  const folder = mkdtempSync(path.join(scratch, 'kit-'));
  if (content !== undefined) writeFileSync(path.join(folder, settingsFileName), content);
  return folder;
}

function lineOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SetupError) return setupLine(catalogues.en, error.problem);
    throw error;
  }
  throw new Error('no error');
}

test('the language, the rubric and the folder, relative to the kit; none without a file', () => {
  expect(readSettings(kitWith(undefined))).toEqual({});
  const kit = kitWith(JSON.stringify({ lang: 'en', rubric: 'pemjar.json', folder: 'exercises/python' }));
  expect(readSettings(kit)).toEqual({ lang: 'en', rubric: path.join(kit, 'pemjar.json'), folder: path.join(kit, 'exercises/python') });
  expect(readSettings(kitWith('{"rubric": "classic"}'))).toEqual({ lang: undefined, rubric: 'classic', folder: undefined });
});

test.each([
  ['{"lang": "fr"}', '"lang" is id or en, not "fr"'],
  ['{"langauge": "id"}', '"langauge" is not a setting (lang, rubric, folder)'],
  ['{"lang": 1}', '"lang" is not text'],
  ['["id"]', 'not a JSON object'],
  ['{"lang": "id",}', 'JSON'],
])('a mistake in the file is one line naming it: %s', (content, detail) => {
  const kit = kitWith(content);
  const line = lineOf(() => readSettings(kit));
  expect(line).toContain(`The kit's settings, ${path.join(kit, settingsFileName)}: `);
  expect(line).toContain(detail);
  expect(line.split('\n')).toHaveLength(1);
});

test('the language: --lang, then LAB_LANG, then the setting, then the locale', () => {
  const locale = { LANG: 'id_ID.UTF-8', LC_ALL: '' };
  expect(chooseLang('en', { ...locale, LAB_LANG: 'id' }, { lang: 'id' })).toBe('en');
  expect(chooseLang(undefined, { ...locale, LAB_LANG: 'en' }, { lang: 'id' })).toBe('en');
  expect(chooseLang(undefined, { LANG: 'en_US.UTF-8', LC_ALL: '' }, { lang: 'id' })).toBe('id');
  expect(chooseLang(undefined, locale, {})).toBe('id');
  expect(chooseLang(undefined, { LANG: 'en_US.UTF-8', LC_ALL: '', LAB_LANG: ' ' }, {})).toBe('en');
  expect(lineOf(() => chooseLang(undefined, { LAB_LANG: 'fr' }, {}))).toBe('LAB_LANG is id or en, not "fr".');
});
