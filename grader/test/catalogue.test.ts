import { describe, expect, test } from 'vitest';
import { serverCodes } from '../diagnoses.ts';
import { catalogues } from '../i18n/index.ts';
import { serverChecks } from '../server/checks/index.ts';

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
