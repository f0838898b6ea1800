import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { clientChecks } from '../client/checks/index.ts';
import { clientCodes, serverCodes } from '../diagnoses.ts';
import { catalogues } from '../i18n/index.ts';
import { serverChecks } from '../server/checks/index.ts';
import { renderChecksCatalogue } from '../docs/checks-catalogue.ts';
import { repoRoot } from './helpers/processes.ts';

const allChecks = [...serverChecks, ...clientChecks];

describe('the message catalogue', () => {
  test.each(Object.entries(catalogues))('%s has a title and a description for every check', (_, text) => {
    for (const check of allChecks) {
      expect(text.checks[check.id]?.title, check.id).toBeTruthy();
      expect(text.checks[check.id]?.what, check.id).toBeTruthy();
    }
    expect(Object.keys(text.checks).sort()).toEqual(allChecks.map((check) => check.id).sort());
  });

  test('every diagnosis code can be given by some check', () => {
    const reachable = new Set(allChecks.flatMap((check) => check.codes));
    expect([...serverCodes, ...clientCodes].filter((code) => !reachable.has(code))).toEqual([]);
  });
});

describe('docs/checks.md', () => {
  test('is up to date with the checks and the message catalogue (npm run docs:checks)', () => {
    const committed = readFileSync(path.join(repoRoot, 'docs/checks.md'), 'utf8');
    expect(committed).toBe(renderChecksCatalogue());
  });
});
