import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allDiagnosisCodes } from '../diagnoses.ts';
import { examples, withoutExample } from '../i18n/examples.ts';
import { catalogues } from '../i18n/index.ts';
import { noColors } from '../report/colors.ts';
import { renderExplanation } from '../report/explain.ts';
import { runCli } from './helpers/grade-fixture.ts';
import { repoRoot } from './helpers/processes.ts';

// `npm run grade -- --explain CODE`: the whole explanation of one code, with the example in the
// language of the student's programs (found where the command was typed), grading nothing.

describe('--explain', () => {
  test("a Python student gets the Python example, in the report's language", async () => {
    const run = await runCli(['--explain', 'counts-bytes', '--lang', 'id'], { INIT_CWD: path.join(repoRoot, 'exercises/python') });
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const out = String(run.stdout);
    expect(out).toContain('counts-bytes · membuat pemeriksaannya gagal');
    expect(out).toContain(catalogues.id.diagnoses['counts-bytes'].meaning);
    expect(out).toContain('Dalam Python:');
    expect(out).not.toContain('TypeScript / JavaScript');
    expect(out).toContain(examples['counts-bytes']?.python.right.split('\n')[0]);
  });

  test('a TypeScript student gets the Node example, and the checks that give the code', async () => {
    const run = await runCli(['solutions', '--explain', 'reads-once', '--lang', 'en']);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const out = String(run.stdout);
    expect(out).toContain('In TypeScript / JavaScript:');
    expect(out).not.toContain('In Python:');
    expect(out).toMatch(/given by the checks: .*segmented-message/);
    expect(out).not.toContain('Score');
  });

  test('a code that is not one is one line and exit status 2, with the likely one', async () => {
    const run = await runCli(['--explain', 'count-bytes', '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe('--explain count-bytes: no such diagnosis code (did you mean counts-bytes? every code is in docs/checks.md).');
  });

  test('every code has an example in both languages, or says why it has none, and renders in both report languages', () => {
    for (const code of allDiagnosisCodes) {
      expect(Boolean(examples[code]) !== Boolean(withoutExample[code]), code).toBe(true);
      for (const text of Object.values(catalogues)) {
        const out = renderExplanation(code, text, undefined, noColors);
        expect(out, code).toContain(text.diagnoses[code].meaning);
        if (examples[code]) expect(out, code).toContain(examples[code]?.node.wrong.split('\n')[0]);
        else expect(out, code).toContain(text.explain.noExample);
      }
    }
  });
});
