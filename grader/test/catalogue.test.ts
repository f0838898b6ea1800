import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { serverCodes } from '../diagnoses.ts';
import { catalogues } from '../i18n/index.ts';
import { serverChecks } from '../server/checks/index.ts';
import { renderChecksCatalogue } from '../docs/checks-catalogue.ts';
import { repoRoot } from './helpers/processes.ts';

describe('the message catalogue', () => {
  test.each(Object.entries(catalogues))('%s has a title and a description for every check', (_, text) => {
    for (const check of serverChecks) {
      expect(text.checks[check.id]?.title, check.id).toBeTruthy();
      expect(text.checks[check.id]?.what, check.id).toBeTruthy();
    }
    expect(Object.keys(text.checks).sort()).toEqual(serverChecks.map((check) => check.id).sort());
  });

  test('every diagnosis code can be given by some check', () => {
    const reachable = new Set(serverChecks.flatMap((check) => check.codes));
    expect(serverCodes.filter((code) => !reachable.has(code))).toEqual([]);
  });
});

describe('docs/checks.md', () => {
  test('is up to date with the checks and the message catalogue (npm run docs:checks)', () => {
    const committed = readFileSync(path.join(repoRoot, 'docs/checks.md'), 'utf8');
    expect(committed).toBe(renderChecksCatalogue());
  });
});
